import { describe, expect, it } from 'vitest';
import { panelLines } from '../../../src/app/panel-lines.js';
import { reduce } from '../../../src/app/reducer.js';
import { initialState } from '../../../src/app/state.js';
import { NOW, catalog } from './fixtures.js';

const EMPTY_RANK = { 3: [], 7: [], 30: [] };

function texts(lang: 'zh' | 'en', loaded: Parameters<typeof reduce>[1] | null): string[] {
  const state = initialState({ lang, columns: 100, rows: 20, catalog, now: NOW });
  const after = loaded === null ? state : reduce(state, loaded);
  return panelLines(after, 24, 10).map((line) => line.text.trimEnd());
}

describe('side panel lines', () => {
  it('say the hot words and the ranking are being counted until the first count lands', () => {
    const lines = texts('zh', null);
    expect(lines.filter((line) => line === ' 统计中…')).toHaveLength(2);
    expect(lines.join('\n')).not.toContain('暂无');
    expect(texts('en', null).filter((line) => line === ' counting…')).toHaveLength(2);
  });

  it('say there is nothing yet once counted, and list what was counted', () => {
    const empty = texts('zh', { type: 'insights-loaded', hotWords: [], rank: EMPTY_RANK });
    expect(empty).toContain(' 暂无');
    expect(empty).toContain(' 还没有阅读记录');
    expect(empty.join('\n')).not.toContain('统计中');
    const counted = texts('en', {
      type: 'insights-loaded',
      hotWords: [{ term: '地铁', count: 7 }],
      rank: { ...EMPTY_RANK, 3: [{ id: 'a', title: 'Metro line opens', count: 3 }] },
    });
    expect(counted.some((line) => line.includes('地铁') && line.endsWith(' 7'))).toBe(true);
    expect(counted.some((line) => line.includes('Metro line opens'))).toBe(true);
    expect(counted.join('\n')).not.toContain('counting');
  });
});
