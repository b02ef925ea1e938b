import { describe, expect, it } from 'vitest';
import { findRelated, RelatedIndex } from '../../../src/core/insights/related.js';
import { CORPUS, corpusItem } from './corpus.js';

const ids = (target: string, limit?: number) =>
  findRelated(corpusItem(target), CORPUS, limit === undefined ? {} : { limit }).map((r) => r.id);

describe('findRelated on the fixed corpus', () => {
  it('ranks by shared terms, leaving out the article itself and its copy on another feed', () => {
    const related = findRelated(corpusItem('x1'), CORPUS);
    expect(related.map((r) => [r.id, r.score, r.sharedTerms])).toEqual([
      ['x5', 0.453, ['开通', '地铁', '运营', '乘坐', '市民']],
      ['x3', 0.2891, ['地铁', '运营', '机场', '翔安', '厦门']],
      ['x4', 0.1273, ['机场', '翔安', '运营']],
    ]);
    expect(related[0]).toEqual({
      id: 'x5',
      title: '福州地铁5号线开通运营',
      source: '人民网',
      link: 'https://b.example.com/x5.html',
      published: '2026-11-27T07:00:00.000Z',
      score: 0.453,
      sharedTerms: ['开通', '地铁', '运营', '乘坐', '市民'],
    });
  });

  it('from the copy: never the original (same headline), and no airport story (its text has none)', () => {
    expect(ids('x2')).toEqual(['x5', 'x3']);
  });

  it('treats the same link with tracking parameters as the same story', () => {
    expect(ids('x9')).toEqual(['x11']);
    expect(ids('x10')).toEqual(['x11']);
  });

  it('lists one entry per story among the results', () => {
    // x9 and x10 are one story: only the better match of the two is listed for x11.
    expect(ids('x11')).toEqual(['x9']);
  });

  it('finds Chinese articles by names the dictionary lacks', () => {
    expect(ids('x6')).toEqual(['x7']);
  });

  it('returns nothing for an article sharing no terms, and honours the limit', () => {
    expect(ids('x12')).toEqual([]);
    expect(ids('x1', 2)).toEqual(['x5', 'x3']);
    expect(findRelated(corpusItem('x1'), CORPUS).length).toBeLessThanOrEqual(5);
  });

  it('never returns more than 5 even when many articles match', () => {
    const many = Array.from({ length: 12 }, (_, n) => ({
      ...corpusItem('x5'),
      id: `m${n}`,
      title: `福州地铁${n + 10}号线开通运营 第${n}站`,
      link: `https://m.example.com/${n}`,
    }));
    const result = findRelated(corpusItem('x1'), [...CORPUS, ...many]);
    expect(result).toHaveLength(5);
    expect(result.some((r) => r.id === 'x1' || r.id === 'x2')).toBe(false);
  });
});

describe('RelatedIndex', () => {
  it('answers every target exactly as findRelated does, tokenizing the corpus once', () => {
    const index = new RelatedIndex(CORPUS);
    for (const item of CORPUS) expect(index.related(item)).toEqual(findRelated(item, CORPUS));
  });

  it('takes a target that is not in the corpus, or a fuller text of one that is', () => {
    const index = new RelatedIndex(CORPUS);
    const outsider = { ...corpusItem('x5'), id: 'new', title: '福州地铁6号线开通', link: null };
    expect(index.related(outsider)).toEqual(findRelated(outsider, CORPUS));
    expect(index.related(outsider).map((r) => r.id)).toEqual(['x5', 'x1', 'x3']);
    const fuller = {
      ...corpusItem('x12'),
      text: '国务院常务会议部署经济工作，厦门地铁建设获支持。',
    };
    expect(index.related(fuller)).toEqual(findRelated(fuller, CORPUS));
  });
});
