import { describe, expect, it } from 'vitest';
import { headlinesInWindow, hotWords } from '../../../src/core/insights/hot-words.js';
import { CORPUS, NOW } from './corpus.js';

describe('hotWords on the fixed corpus', () => {
  it('counts the headlines of the last 24 hours containing each term, most frequent first', () => {
    expect(hotWords(CORPUS, NOW)).toEqual([
      { term: '厦门', count: 5 },
      { term: '地铁', count: 4 },
      { term: '运营', count: 4 },
      { term: 'ai', count: 3 },
      { term: 'apple', count: 3 },
      { term: '开通', count: 3 },
      { term: 'features', count: 2 },
      { term: 'iphone', count: 2 },
      { term: 'unveils', count: 2 },
      { term: '台风', count: 2 },
      { term: '号线', count: 2 },
      { term: '机场', count: 2 },
      { term: '杜苏芮', count: 2 },
      { term: '翔安', count: 2 },
    ]);
  });

  it('leaves out headlines older than the window and counts undated items by first seen', () => {
    const words = hotWords(CORPUS, NOW, { minCount: 1, limit: 100 }).map((w) => w.term);
    expect(words).not.toContain('国务院');
    expect(words).toContain('报名');
    expect(hotWords(CORPUS, new Date('2026-11-25T12:00:00.000Z'), { minCount: 1 })).toEqual([
      { term: '召开', count: 1 },
      { term: '国务院', count: 1 },
      { term: '常务', count: 1 },
      { term: '经济', count: 1 },
      { term: '部署', count: 1 },
    ]);
  });

  it('counts an item once even when it appears twice, and honours the limit', () => {
    expect(hotWords([...CORPUS, ...CORPUS], NOW, { limit: 2 })).toEqual([
      { term: '厦门', count: 5 },
      { term: '地铁', count: 4 },
    ]);
  });
});

describe('hotWords with terms kept by the caller', () => {
  it('counts the terms termsOf gives instead of tokenizing', () => {
    const termsOf = (title: string): string[] => (title.includes('厦门') ? ['厦门'] : ['别的']);
    // The window holds 12 headlines; 5 mention 厦门 (as the first test counts).
    expect(headlinesInWindow(CORPUS, NOW)).toHaveLength(12);
    expect(hotWords(CORPUS, NOW, { termsOf })).toEqual([
      { term: '别的', count: 7 },
      { term: '厦门', count: 5 },
    ]);
  });

  it('headlinesInWindow keeps each id once, inside the window (start excluded, now included)', () => {
    expect(headlinesInWindow([...CORPUS, ...CORPUS], NOW)).toEqual(headlinesInWindow(CORPUS, NOW));
    const at = (id: string, published: string) => ({
      id,
      title: id,
      published,
      firstSeen: published,
    });
    const edges = [
      at('start', '2026-11-26T12:00:00.000Z'),
      at('after-start', '2026-11-26T12:00:00.001Z'),
      at('now', '2026-11-27T12:00:00.000Z'),
      at('future', '2026-11-27T12:00:00.001Z'),
    ];
    expect(headlinesInWindow(edges, NOW).map((h) => h.id)).toEqual(['after-start', 'now']);
  });
});
