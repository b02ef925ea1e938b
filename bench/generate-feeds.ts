// Deterministic feed workload for the refresh and list benches: 100 feeds × 50 items (about 14 MB
// of XML), ~40% Chinese titles, HTML descriptions of 1–4 KB, 3 Atom feeds, 1 GBK feed. Pure: the
// same seed always gives the same bytes (a seeded PRNG, never Math.random); no I/O.
import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';

/** What the generator builds. */
export interface WorkloadOptions {
  /** @default 100 */
  readonly feeds?: number;
  /** @default 50 */
  readonly itemsPerFeed?: number;
  /** @default 20261127 */
  readonly seed?: number;
}

export type FeedKind = 'rss' | 'atom' | 'rss-gbk';

/** One generated feed: the exact bytes to serve and how to serve them. */
export interface GeneratedFeed {
  /** Server path, e.g. "/feeds/007.xml". */
  readonly path: string;
  readonly kind: FeedKind;
  /** True when titles and text are Chinese. */
  readonly isChinese: boolean;
  readonly title: string;
  readonly contentType: string;
  readonly body: Buffer;
  /** Strong ETag of the body, quoted. */
  readonly etag: string;
  readonly items: number;
}

export interface Workload {
  readonly feeds: readonly GeneratedFeed[];
  readonly totalBytes: number;
  readonly totalItems: number;
}

/** Feeds (by position) served as Atom 1.0. */
const ATOM_POSITIONS = new Set([11, 47, 83]);
/** The feed (by position) served in GBK, declared only in the XML prolog. */
const GBK_POSITION = 5;

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rng {
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
}

function rngFrom(random: () => number): Rng {
  return {
    int: (min, max) => min + Math.floor(random() * (max - min + 1)),
    pick: (list) => {
      const value = list[Math.floor(random() * list.length)];
      if (value === undefined) throw new Error('pick from an empty list');
      return value;
    },
    chance: (p) => random() < p,
  };
}

const EN_WORDS = (
  'government market economy minister council report growth energy climate city water school ' +
  'health court election budget trade policy bank price inflation rates housing transport rail ' +
  'airport port storm flood heat drought harvest farmers workers union strike talks deal summit ' +
  'leaders parliament vote law reform tax jobs industry factory chips software startup research ' +
  'science university study data privacy security police fire rescue hospital patients vaccine ' +
  'museum festival film music theatre football league final season record coach players fans ' +
  'bridge road tunnel metro bus cycling park river coast island mountain village region north ' +
  'south east west capital province county district mayor governor agency office plan project ' +
  'funding investment shares profits losses exports imports tariffs currency oil gas solar wind ' +
  'nuclear grid power outage network launch satellite space mission rocket ocean fishing forest ' +
  'wildlife conservation pollution emissions targets review inquiry evidence witnesses verdict ' +
  'appeal ruling rights protest march crowd visitors tourism hotels restaurants food markets'
).split(' ');

const EN_VERBS = (
  'says warns plans announces rejects approves delays cuts raises opens closes expands reviews ' +
  'launches wins loses faces backs questions confirms denies reports unveils signs extends'
).split(' ');

const ZH_WORDS = (
  '国务院 发展 经济 市场 北京 上海 广州 深圳 香港 台湾 科技 创新 企业 改革 政策 会议 记者 ' +
  '消息 报道 发布 就业 物价 稳定 增长 投资 消费 出口 进口 农业 粮食 丰收 交通 铁路 高铁 机场 ' +
  '港口 城市 乡村 教育 学校 大学 医疗 医院 健康 疫苗 文化 旅游 体育 足球 比赛 冠军 天气 暴雨 ' +
  '台风 高温 气候 能源 电力 光伏 风电 环境 保护 污染 治理 生态 森林 长江 黄河 金融 银行 股市 ' +
  '人民币 利率 房地产 住房 社区 居民 老人 儿童 青年 人才 研究 科学 航天 卫星 火箭 探测 芯片 ' +
  '软件 数据 安全 网络 法律 法院 警方 调查 发布会 公告 规划 项目 建设 工程 合作 交流 访问 ' +
  '峰会 外交 国际 全球 亚洲 欧洲 美国 日本 韩国 东盟 贸易 关税 协议 谈判 前三季度 今年 明年'
).split(' ');

const ZH_VERBS = '宣布 推进 启动 完成 加快 部署 召开 举行 发布 实施 通过 出台 公布 迎来'.split(' ');

const ZH_PUNCT = ['，', '，', '，', '；', '、'];

const EN_SOURCES = [
  'Daily Ledger',
  'Northern Courier',
  'Harbour Times',
  'Valley Post',
  'Metro Herald',
  'Coastal Record',
  'Evening Standard Wire',
  'Civic Observer',
];
const ZH_SOURCES = ['新华快讯', '南方日报', '东方新闻', '华夏时报', '人民网评', '财经观察'];

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function englishTitle(rng: Rng): string {
  const words = Array.from({ length: rng.int(3, 6) }, () => rng.pick(EN_WORDS));
  const subject = capitalize(words[0] ?? 'city');
  const tail = words.slice(1).join(' ');
  const title = `${subject} ${rng.pick(EN_VERBS)} ${tail}`;
  // Now and then an ampersand, which must round-trip through XML escaping.
  return rng.chance(0.1) ? `${title} & ${rng.pick(EN_WORDS)}` : title;
}

function chineseTitle(rng: Rng): string {
  const words = Array.from({ length: rng.int(5, 9) }, () => rng.pick(ZH_WORDS));
  const cut = rng.int(2, words.length - 2);
  return `${words.slice(0, cut).join('')}${rng.pick(ZH_VERBS)}${words.slice(cut).join('')}`;
}

function englishSentence(rng: Rng): string {
  const words = Array.from({ length: rng.int(8, 18) }, () => rng.pick(EN_WORDS));
  return `${capitalize(words.join(' '))}.`;
}

function chineseSentence(rng: Rng): string {
  const clauses = Array.from({ length: rng.int(2, 4) }, () =>
    Array.from({ length: rng.int(3, 6) }, () => rng.pick(ZH_WORDS)).join(''),
  );
  return clauses.reduce((s, c) => (s === '' ? c : `${s}${rng.pick(ZH_PUNCT)}${c}`), '') + '。';
}

/** An HTML description of about `targetBytes` UTF-8 bytes: paragraphs, links, emphasis, images. */
function descriptionHtml(rng: Rng, isChinese: boolean, targetBytes: number, host: string): string {
  const parts: string[] = [];
  let bytes = 0;
  // Whole paragraphs until the next would overshoot the target (but never under 1 KB).
  for (;;) {
    const sentences = Array.from({ length: rng.int(1, 3) }, () =>
      isChinese ? chineseSentence(rng) : englishSentence(rng),
    );
    let text = escapeXml(sentences.join(isChinese ? '' : ' '));
    const roll = rng.int(0, 9);
    if (roll === 0) {
      text = `<strong>${text}</strong>`;
    } else if (roll === 1) {
      text = `${text} <a href="https://${host}/related/${rng.int(1000, 99999)}.html">${
        isChinese ? '相关阅读' : 'Related'
      }</a>`;
    } else if (roll === 2) {
      text = `<em>${text}</em>`;
    }
    const paragraph =
      roll === 3
        ? `<p><img src="https://${host}/img/${rng.int(1000, 99999)}.jpg" alt="" width="640"></p><p>${text}</p>`
        : `<p>${text}</p>`;
    const size = Buffer.byteLength(paragraph) + 1;
    if (bytes > 1024 && bytes + size > targetBytes) break;
    parts.push(paragraph);
    bytes += size;
  }
  return parts.join('\n');
}

interface GeneratedItem {
  readonly title: string;
  readonly link: string;
  readonly guid: string;
  readonly date: Date;
  readonly author: string;
  readonly categories: readonly string[];
  readonly html: string;
}

const BASE_TIME = Date.UTC(2026, 10, 26, 12, 0, 0);

function generateItems(
  rng: Rng,
  position: number,
  count: number,
  isChinese: boolean,
  host: string,
): GeneratedItem[] {
  const items: GeneratedItem[] = [];
  let time = BASE_TIME - position * 7 * 60_000;
  for (let i = 0; i < count; i += 1) {
    time -= rng.int(5, 120) * 60_000;
    const slug = `${2026}/${String(11 - (i % 3)).padStart(2, '0')}/${position}-${i}-${rng.int(100000, 999999)}`;
    const link = `https://${host}/${slug}.html`;
    items.push({
      title: isChinese ? chineseTitle(rng) : englishTitle(rng),
      link,
      guid: rng.chance(0.5) ? link : `tag:${host},2026:${position}-${i}`,
      date: new Date(time),
      author: isChinese
        ? rng.pick(['记者 王磊', '记者 李娜', '本报评论员', '张伟', '陈静'])
        : rng.pick(['Alex Morgan', 'Sam Patel', 'Jordan Lee', 'Chris Novak', 'Staff reporter']),
      categories: Array.from({ length: rng.int(1, 3) }, () =>
        isChinese ? rng.pick(ZH_WORDS) : rng.pick(EN_WORDS),
      ),
      html: descriptionHtml(rng, isChinese, rng.int(1024, 3800), host),
    });
  }
  return items;
}

function rssXml(
  title: string,
  host: string,
  items: readonly GeneratedItem[],
  encoding: string,
  useCdata: boolean,
  language: string,
): string {
  const lines = [
    `<?xml version="1.0" encoding="${encoding}"?>`,
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    `<title>${escapeXml(title)}</title>`,
    `<link>https://${host}/</link>`,
    `<description>${escapeXml(title)}</description>`,
    `<language>${language}</language>`,
    `<lastBuildDate>${items[0]?.date.toUTCString() ?? ''}</lastBuildDate>`,
  ];
  for (const item of items) {
    const description = useCdata ? `<![CDATA[${item.html}]]>` : escapeXml(item.html);
    lines.push(
      '<item>',
      `<title>${escapeXml(item.title)}</title>`,
      `<link>${item.link}</link>`,
      `<guid isPermaLink="${item.guid === item.link}">${item.guid}</guid>`,
      `<pubDate>${item.date.toUTCString()}</pubDate>`,
      `<dc:creator>${escapeXml(item.author)}</dc:creator>`,
      ...item.categories.map((c) => `<category>${escapeXml(c)}</category>`),
      `<description>${description}</description>`,
      '</item>',
    );
  }
  lines.push('</channel>', '</rss>', '');
  return lines.join('\n');
}

function atomXml(title: string, host: string, items: readonly GeneratedItem[]): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<title>${escapeXml(title)}</title>`,
    `<link href="https://${host}/"/>`,
    `<link rel="self" href="https://${host}/atom.xml"/>`,
    `<id>tag:${host},2026:feed</id>`,
    `<updated>${items[0]?.date.toISOString() ?? ''}</updated>`,
  ];
  for (const item of items) {
    lines.push(
      '<entry>',
      `<title>${escapeXml(item.title)}</title>`,
      `<link href="${item.link}"/>`,
      `<id>${item.guid}</id>`,
      `<published>${item.date.toISOString()}</published>`,
      `<updated>${item.date.toISOString()}</updated>`,
      `<author><name>${escapeXml(item.author)}</name></author>`,
      ...item.categories.map((c) => `<category term="${escapeXml(c)}"/>`),
      `<content type="html">${escapeXml(item.html)}</content>`,
      '</entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}

/** Whether the feed at this position is Chinese: 40 of every 100 (positions 0, 5, 10, … and every fifth + 2). */
function isChinesePosition(position: number): boolean {
  return position % 5 === 0 || position % 5 === 2;
}

/** Generates the whole workload. Same options → byte-identical output. */
export function generateWorkload(options: WorkloadOptions = {}): Workload {
  const feedCount = options.feeds ?? 100;
  const itemsPerFeed = options.itemsPerFeed ?? 50;
  const seed = options.seed ?? 20261127;
  const feeds: GeneratedFeed[] = [];
  for (let position = 0; position < feedCount; position += 1) {
    const rng = rngFrom(createRandom(seed ^ Math.imul(position + 1, 0x9e3779b1)));
    const kind: FeedKind =
      position === GBK_POSITION ? 'rss-gbk' : ATOM_POSITIONS.has(position) ? 'atom' : 'rss';
    const isChinese = kind === 'rss-gbk' || isChinesePosition(position);
    const host = `news${String(position).padStart(3, '0')}.example.com`;
    const title = `${rng.pick(isChinese ? ZH_SOURCES : EN_SOURCES)} ${
      isChinese ? `第${position}频道` : `#${position}`
    }`;
    const items = generateItems(rng, position, itemsPerFeed, isChinese, host);
    const stem = String(position).padStart(3, '0');
    let body: Buffer;
    let contentType: string;
    let path: string;
    if (kind === 'atom') {
      body = Buffer.from(atomXml(title, host, items), 'utf8');
      contentType = 'application/atom+xml; charset=utf-8';
      path = `/feeds/${stem}.atom`;
    } else if (kind === 'rss-gbk') {
      // The charset is declared only in the prolog, as many Chinese portals do.
      body = iconv.encode(rssXml(title, host, items, 'GBK', true, 'zh-cn'), 'gbk');
      contentType = 'application/rss+xml';
      path = `/feeds/${stem}.xml`;
    } else {
      const useCdata = position % 2 === 0;
      body = Buffer.from(
        rssXml(title, host, items, 'UTF-8', useCdata, isChinese ? 'zh-cn' : 'en'),
        'utf8',
      );
      contentType = 'application/rss+xml; charset=utf-8';
      path = `/feeds/${stem}.xml`;
    }
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"`;
    feeds.push({ path, kind, isChinese, title, contentType, body, etag, items: items.length });
  }
  return {
    feeds,
    totalBytes: feeds.reduce((sum, feed) => sum + feed.body.length, 0),
    totalItems: feeds.reduce((sum, feed) => sum + feed.items, 0),
  };
}
