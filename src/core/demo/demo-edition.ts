// The demo edition's layout: its fictional sites, their feeds, and how the feeds map onto the
// channel and region bars. Pure data plus the function that turns it into a Catalog for an origin.
import type { Catalog, Channel, Region } from '../catalog/catalog.js';
import type { DemoFeed, DemoSite } from './demo-article.js';

/** The publications of the demo edition. Every one is invented; none imitates a real outlet. */
export const DEMO_SITES: readonly DemoSite[] = [
  {
    id: 'chenzhong',
    name: '晨钟日报',
    lang: 'zh',
    charset: 'utf-8',
    template: 'portal',
    tagline: '每天第一声，新闻晨钟网',
  },
  {
    id: 'haixia',
    name: '海峡周刊',
    lang: 'zh',
    charset: 'utf-8',
    template: 'portal',
    tagline: '深度 · 调查 · 人物',
  },
  {
    id: 'huanqiu',
    name: '环球瞭望',
    lang: 'zh',
    charset: 'utf-8',
    template: 'portal',
    tagline: '看世界，也看清世界',
  },
  {
    id: 'dingxin',
    name: '鼎新财经',
    lang: 'zh',
    charset: 'utf-8',
    template: 'portal',
    tagline: '数据说话的财经媒体',
  },
  {
    id: 'jike',
    name: '极客周报',
    lang: 'zh',
    charset: 'utf-8',
    template: 'portal',
    tagline: '科技让生活更有趣',
  },
  {
    id: 'jingji',
    name: '竞技风',
    lang: 'zh',
    charset: 'utf-8',
    template: 'portal',
    tagline: '体育就是现场',
  },
  {
    id: 'xingguang',
    name: '星光娱乐',
    lang: 'zh',
    charset: 'utf-8',
    template: 'portal',
    tagline: '影视 · 音乐 · 综艺',
  },
  {
    id: 'rongcheng',
    name: '榕城在线',
    lang: 'zh',
    charset: 'gbk',
    template: 'portal',
    tagline: '福州人自己的新闻网站',
  },
  {
    id: 'ludao',
    name: '鹭岛晚报',
    lang: 'zh',
    charset: 'utf-8',
    template: 'portal',
    tagline: '厦门的晚间新闻',
  },
  {
    id: 'meridian',
    name: 'The Meridian',
    lang: 'en',
    charset: 'utf-8',
    template: 'magazine',
    tagline: 'World news without the noise',
  },
  {
    id: 'harbour',
    name: 'Harbour Business Review',
    lang: 'en',
    charset: 'utf-8',
    template: 'magazine',
    tagline: 'Trade, ports and the money in between',
  },
  {
    id: 'circuit',
    name: 'Circuit Weekly',
    lang: 'en',
    charset: 'utf-8',
    template: 'magazine',
    tagline: 'Technology, explained',
  },
  {
    id: 'lambda',
    name: 'Lambda Lines',
    lang: 'en',
    charset: 'utf-8',
    template: 'magazine',
    tagline: 'Notes for people who ship software',
  },
];

/**
 * The feeds. Their shapes differ on purpose, so the whole pipeline runs: RSS 2.0 with
 * content:encoded, RSS with the HTML escaped into the description, a summary-only feed whose text
 * is on the article pages (one of them split over four pages), a GBK-encoded feed and an Atom feed.
 */
export const DEMO_FEEDS: readonly DemoFeed[] = [
  {
    id: 'chenzhong-top',
    site: 'chenzhong',
    path: 'rss/yaowen.xml',
    format: 'rss',
    text: 'content',
    title: '晨钟日报 · 要闻',
    description: '晨钟日报要闻频道：当天最重要的新闻。',
  },
  {
    id: 'chenzhong-china',
    site: 'chenzhong',
    path: 'rss/guonei.xml',
    format: 'rss',
    text: 'content',
    title: '晨钟日报 · 国内',
    description: '晨钟日报国内新闻：民生、社会、政策与各地动态。',
  },
  {
    id: 'haixia-feature',
    site: 'haixia',
    path: 'feed/shendu.xml',
    format: 'rss',
    text: 'summary',
    title: '海峡周刊 · 深度',
    description: '海峡周刊深度报道。订阅源只提供摘要，全文请访问网站。',
  },
  {
    id: 'huanqiu-world',
    site: 'huanqiu',
    path: 'rss/guoji.xml',
    format: 'rss',
    text: 'description',
    title: '环球瞭望 · 国际',
    description: '环球瞭望国际新闻。',
  },
  {
    id: 'meridian-world',
    site: 'meridian',
    path: 'world.atom',
    format: 'atom',
    text: 'content',
    title: 'The Meridian — World',
    description: 'World news and analysis from The Meridian.',
  },
  {
    id: 'dingxin-business',
    site: 'dingxin',
    path: 'rss/caijing.xml',
    format: 'rss',
    text: 'content',
    title: '鼎新财经 · 财经要闻',
    description: '鼎新财经：宏观、市场、公司与产业。',
  },
  {
    id: 'harbour-business',
    site: 'harbour',
    path: 'feed/',
    format: 'rss',
    text: 'content',
    title: 'Harbour Business Review',
    description: 'Trade, shipping, markets and the companies behind them.',
  },
  {
    id: 'jike-tech',
    site: 'jike',
    path: 'rss/keji.xml',
    format: 'rss',
    text: 'content',
    title: '极客周报 · 科技',
    description: '极客周报科技频道：产品、研究与产业。',
  },
  {
    id: 'circuit-tech',
    site: 'circuit',
    path: 'rss.xml',
    format: 'rss',
    text: 'content',
    title: 'Circuit Weekly',
    description: 'Technology, explained.',
  },
  {
    id: 'jingji-sports',
    site: 'jingji',
    path: 'rss/tiyu.xml',
    format: 'rss',
    text: 'description',
    title: '竞技风 · 体育',
    description: '竞技风体育新闻：足球、篮球、田径与全民健身。',
  },
  {
    id: 'xingguang-ent',
    site: 'xingguang',
    path: 'rss/yule.xml',
    format: 'rss',
    text: 'content',
    title: '星光娱乐',
    description: '星光娱乐：影视、音乐、综艺与演出。',
  },
  {
    id: 'rongcheng-fuzhou',
    site: 'rongcheng',
    path: 'rss/fuzhou.xml',
    format: 'rss',
    text: 'description',
    title: '榕城在线 · 福州新闻',
    description: '榕城在线福州新闻频道。',
  },
  {
    id: 'ludao-xiamen',
    site: 'ludao',
    path: 'rss/xiamen.xml',
    format: 'rss',
    text: 'content',
    title: '鹭岛晚报 · 厦门',
    description: '鹭岛晚报厦门本地新闻。',
  },
  {
    id: 'lambda-dev',
    site: 'lambda',
    path: 'feed.xml',
    format: 'rss',
    text: 'content',
    title: 'Lambda Lines',
    description: 'Notes for people who ship software.',
  },
];

/** A channel or region of the demo edition, naming its feeds by id. */
interface DemoGroup {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly feeds: readonly string[];
}

/** The channel bar. An item can be in several channels: The Meridian feeds 要闻 and 国际. */
export const DEMO_CHANNELS: readonly DemoGroup[] = [
  { id: 'top', name: '要闻', nameEn: 'Top stories', feeds: ['chenzhong-top', 'meridian-world'] },
  { id: 'china', name: '国内', nameEn: 'China', feeds: ['chenzhong-china', 'haixia-feature'] },
  { id: 'world', name: '国际', nameEn: 'World', feeds: ['huanqiu-world', 'meridian-world'] },
  {
    id: 'business',
    name: '财经',
    nameEn: 'Business',
    feeds: ['dingxin-business', 'harbour-business'],
  },
  { id: 'tech', name: '科技', nameEn: 'Technology', feeds: ['jike-tech', 'circuit-tech'] },
  { id: 'sports', name: '体育', nameEn: 'Sports', feeds: ['jingji-sports'] },
  { id: 'entertainment', name: '娱乐', nameEn: 'Entertainment', feeds: ['xingguang-ent'] },
  {
    id: 'fujian',
    name: '福建',
    nameEn: 'Fujian',
    feeds: ['rongcheng-fuzhou', 'ludao-xiamen', 'haixia-feature'],
  },
  { id: 'developers', name: '开发者', nameEn: 'Developers', feeds: ['lambda-dev'] },
];

/** The region bar: the nine cities of Fujian, with the aliases that place an item in them. */
export const DEMO_REGIONS: readonly (DemoGroup & { readonly keywords: readonly string[] })[] = [
  {
    id: 'fuzhou',
    name: '福州',
    nameEn: 'Fuzhou',
    feeds: ['rongcheng-fuzhou'],
    keywords: ['福州', 'Fuzhou', '榕城', 'Foochow'],
  },
  {
    id: 'xiamen',
    name: '厦门',
    nameEn: 'Xiamen',
    feeds: ['ludao-xiamen'],
    keywords: ['厦门', 'Xiamen', '鹭岛', 'Amoy'],
  },
  {
    id: 'putian',
    name: '莆田',
    nameEn: 'Putian',
    feeds: [],
    keywords: ['莆田', 'Putian', '湄洲岛', 'Meizhou Island'],
  },
  {
    id: 'quanzhou',
    name: '泉州',
    nameEn: 'Quanzhou',
    feeds: [],
    keywords: ['泉州', 'Quanzhou', '刺桐', 'Zayton'],
  },
  {
    id: 'zhangzhou',
    name: '漳州',
    nameEn: 'Zhangzhou',
    feeds: [],
    keywords: ['漳州', 'Zhangzhou', '东山岛', 'Dongshan'],
  },
  {
    id: 'longyan',
    name: '龙岩',
    nameEn: 'Longyan',
    feeds: [],
    keywords: ['龙岩', 'Longyan', '闽西', '永定土楼'],
  },
  {
    id: 'ningde',
    name: '宁德',
    nameEn: 'Ningde',
    feeds: [],
    keywords: ['宁德', 'Ningde', '霞浦', '三都澳'],
  },
  {
    id: 'nanping',
    name: '南平',
    nameEn: 'Nanping',
    feeds: [],
    keywords: ['南平', 'Nanping', '武夷山', 'Wuyishan', 'Wuyi'],
  },
  {
    id: 'sanming',
    name: '三明',
    nameEn: 'Sanming',
    feeds: [],
    keywords: ['三明', 'Sanming', '沙县', '泰宁'],
  },
];

/** The site a feed or article belongs to; throws on an unknown id (a bug in the edition data). */
export function demoSite(id: string): DemoSite {
  const site = DEMO_SITES.find((s) => s.id === id);
  if (site === undefined) throw new Error(`demo edition: unknown site ${id}`);
  return site;
}

/** The feed with this id; throws on an unknown id (a bug in the edition data). */
export function demoFeed(id: string): DemoFeed {
  const feed = DEMO_FEEDS.find((f) => f.id === id);
  if (feed === undefined) throw new Error(`demo edition: unknown feed ${id}`);
  return feed;
}

/** The absolute URL of a feed on a server at `origin` (`http://127.0.0.1:47800`, no trailing slash). */
export function demoFeedUrl(origin: string, feed: DemoFeed): string {
  return `${origin}/${feed.site}/${feed.path}`;
}

/** The demo edition as a catalog whose feed URLs point at a demo server at `origin`. */
export function demoCatalog(origin: string): Catalog {
  const refs = (ids: readonly string[]) =>
    ids.map((id) => {
      const feed = demoFeed(id);
      return { url: demoFeedUrl(origin, feed), title: feed.title };
    });
  const channels: Channel[] = DEMO_CHANNELS.map((c) => ({
    id: c.id,
    name: c.name,
    nameEn: c.nameEn,
    feeds: refs(c.feeds),
  }));
  const regions: Region[] = DEMO_REGIONS.map((r) => ({
    id: r.id,
    name: r.name,
    nameEn: r.nameEn,
    keywords: r.keywords,
    feeds: refs(r.feeds),
  }));
  return { channels, regions };
}

/**
 * The path of an article's page on its site: portals use `/site/content/ID.html` with
 * `ID_2.html`, `ID_3.html` … for later pages; the English magazines use `/site/story/ID`.
 */
export function demoArticlePath(
  article: { readonly id: string; readonly feed: string },
  page = 1,
): string {
  const site = demoSite(demoFeed(article.feed).site);
  if (site.template === 'magazine') return `/${site.id}/story/${article.id}`;
  return page <= 1
    ? `/${site.id}/content/${article.id}.html`
    : `/${site.id}/content/${article.id}_${page}.html`;
}

/** The path of the n-th picture (1-based) of an article. */
export function demoImagePath(
  article: { readonly id: string; readonly feed: string },
  index: number,
): string {
  return `/${demoFeed(article.feed).site}/images/${article.id}-${index}.svg`;
}
