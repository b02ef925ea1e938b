// A fixed corpus for the insights tests: five feeds, two stories carried twice, Chinese and
// English items, some outside the last 24 hours. "Now" is 2026-11-27T12:00:00Z.
import type { InsightDocument } from '../../../src/core/insights/related.js';

export const NOW = new Date('2026-11-27T12:00:00.000Z');

export interface CorpusItem extends InsightDocument {
  readonly feedUrl: string;
  readonly firstSeen: string;
}

function item(
  id: string,
  feed: 'a' | 'b' | 'c' | 'd' | 'e',
  title: string,
  text: string,
  published: string | null,
  link = `https://${feed}.example.com/${id}.html`,
): CorpusItem {
  const sources = { a: '新华网', b: '人民网', c: '厦门日报', d: 'Reuters', e: 'Tech Daily' };
  return {
    id,
    title,
    text,
    link,
    source: sources[feed],
    published,
    feedUrl: `https://${feed}.example.com/rss.xml`,
    firstSeen: '2026-11-27T11:00:00.000Z',
  };
}

export const CORPUS: readonly CorpusItem[] = [
  item(
    'x1',
    'a',
    '厦门地铁3号线南延段开通运营',
    '厦门地铁3号线南延段今日开通运营，市民乘坐地铁前往翔安机场更加方便。',
    '2026-11-27T08:00:00.000Z',
  ),
  item(
    'x2',
    'b',
    '厦门地铁3号线南延段开通运营 - 人民网',
    '厦门地铁3号线南延段开通运营，沿线市民出行更便捷。',
    '2026-11-27T08:30:00.000Z',
  ),
  item(
    'x3',
    'c',
    '厦门地铁4号线年底试运营 翔安机场线加快建设',
    '厦门地铁4号线预计年底试运营，连接翔安机场。',
    '2026-11-27T06:00:00.000Z',
  ),
  item(
    'x4',
    'a',
    '翔安机场航站楼主体完工',
    '翔安新机场航站楼主体结构完工，计划明年投入运营。',
    '2026-11-26T20:00:00.000Z',
  ),
  item(
    'x5',
    'b',
    '福州地铁5号线开通运营',
    '福州地铁5号线开通运营，市民乘坐更便捷。',
    '2026-11-27T07:00:00.000Z',
  ),
  item(
    'x6',
    'c',
    '台风杜苏芮登陆福建晋江',
    '台风杜苏芮今日登陆福建晋江，厦门全市停课。',
    '2026-11-27T05:00:00.000Z',
  ),
  item(
    'x7',
    'a',
    '台风杜苏芮逼近 厦门全市停课停工',
    '受台风杜苏芮影响，厦门全市停课停工。',
    '2026-11-27T03:00:00.000Z',
  ),
  item(
    'x8',
    'd',
    'Typhoon Doksuri makes landfall in Fujian, China',
    'Typhoon Doksuri made landfall in Fujian province on Friday, forcing Xiamen to close schools.',
    '2026-11-27T06:30:00.000Z',
  ),
  item(
    'x9',
    'd',
    'Apple unveils new iPhone with AI features',
    'Apple unveiled a new iPhone packed with AI features at its event.',
    '2026-11-27T02:00:00.000Z',
    'https://d.example.com/apple-iphone-ai',
  ),
  item(
    'x10',
    'e',
    'Apple unveils iPhone with AI features (update)',
    'Apple has unveiled an iPhone with AI features; shipping starts next month.',
    '2026-11-27T02:10:00.000Z',
    'https://www.d.example.com/apple-iphone-ai/?utm_source=rss&utm_medium=feed',
  ),
  item(
    'x11',
    'd',
    'Samsung answers Apple with AI phone',
    "Samsung announced an AI phone to rival Apple's iPhone.",
    '2026-11-26T18:00:00.000Z',
  ),
  item(
    'x12',
    'a',
    '国务院召开常务会议 部署经济工作',
    '国务院常务会议部署经济工作。',
    '2026-11-25T10:00:00.000Z',
  ),
  item('x13', 'b', '厦门马拉松赛事报名启动', '厦门马拉松今日启动报名。', null),
];

/** The corpus item with an id (throws when missing, so tests fail loudly). */
export function corpusItem(id: string): CorpusItem {
  const found = CORPUS.find((entry) => entry.id === id);
  if (found === undefined) throw new Error(`no corpus item ${id}`);
  return found;
}
