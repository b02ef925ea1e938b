// The default edition: the starter catalog written to a new user's catalog.json.
// Pure data; no network. Every feed here is publisher-run (hnrss aside) with dated 2025–26
// evidence of fresh items; docs/sources.md lists them with the reasons, and a test keeps the two
// in step.
import type { Catalog, Channel, Region } from './catalog.js';

/** One feed of the default edition, with what docs/sources.md says about it. */
export interface DefaultSource {
  readonly url: string;
  readonly title: string;
  /** `zh-Hans`, `zh-Hant` or `en`. */
  readonly lang: 'zh-Hans' | 'zh-Hant' | 'en';
  /** Channel ids this feed belongs to. */
  readonly channels: readonly string[];
}

interface ChannelInfo {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
}

const CHANNELS: readonly ChannelInfo[] = [
  { id: 'top', name: '要闻', nameEn: 'Top stories' },
  { id: 'china', name: '国内', nameEn: 'China' },
  { id: 'world', name: '国际', nameEn: 'World' },
  { id: 'business', name: '财经', nameEn: 'Business' },
  { id: 'tech', name: '科技', nameEn: 'Technology' },
  { id: 'sports', name: '体育', nameEn: 'Sports' },
  { id: 'entertainment', name: '娱乐', nameEn: 'Entertainment' },
  { id: 'dev', name: '开发者', nameEn: 'Developers' },
];

/** The feeds, grouped by their first channel. */
export const DEFAULT_SOURCES: readonly DefaultSource[] = [
  // 要闻
  {
    url: 'https://www.chinanews.com.cn/rss/importnews.xml',
    title: '中国新闻网 · 要闻导读',
    lang: 'zh-Hans',
    channels: ['top'],
  },
  {
    url: 'https://www.chinanews.com.cn/rss/scroll-news.xml',
    title: '中国新闻网 · 即时新闻',
    lang: 'zh-Hans',
    channels: ['top', 'china'],
  },
  {
    url: 'https://feeds.bbci.co.uk/zhongwen/trad/rss.xml',
    title: 'BBC News 中文',
    lang: 'zh-Hant',
    channels: ['top'],
  },
  {
    url: 'https://cn.nytimes.com/rss/',
    title: '纽约时报中文网',
    lang: 'zh-Hans',
    channels: ['top'],
  },
  {
    url: 'https://feeds.bbci.co.uk/news/rss.xml',
    title: 'BBC News · Top stories',
    lang: 'en',
    channels: ['top'],
  },
  {
    url: 'https://rss.nytimes.com/services/xml/rss/nyt/HomePage.xml',
    title: 'The New York Times · Top stories',
    lang: 'en',
    channels: ['top'],
  },
  { url: 'https://feeds.npr.org/1001/rss.xml', title: 'NPR News', lang: 'en', channels: ['top'] },
  { url: 'https://time.com/feed/', title: 'TIME', lang: 'en', channels: ['top'] },
  // 国内
  {
    url: 'https://www.chinanews.com.cn/rss/china.xml',
    title: '中国新闻网 · 时政',
    lang: 'zh-Hans',
    channels: ['china'],
  },
  {
    url: 'https://www.cgtn.com/subscribe/rss/section/china.xml',
    title: 'CGTN · China',
    lang: 'en',
    channels: ['china'],
  },
  {
    url: 'https://www.scmp.com/rss/4/feed',
    title: 'South China Morning Post · China',
    lang: 'en',
    channels: ['china'],
  },
  // 国际
  {
    url: 'https://www.chinanews.com.cn/rss/world.xml',
    title: '中国新闻网 · 国际',
    lang: 'zh-Hans',
    channels: ['world'],
  },
  {
    url: 'https://rss.dw.com/rdf/rss-chi-all',
    title: '德国之声中文',
    lang: 'zh-Hans',
    channels: ['world'],
  },
  {
    url: 'https://www.rfi.fr/cn/rss',
    title: '法广 RFI 中文',
    lang: 'zh-Hans',
    channels: ['world'],
  },
  {
    url: 'https://news.un.org/feed/subscribe/zh/news/all/rss.xml',
    title: '联合国新闻',
    lang: 'zh-Hans',
    channels: ['world'],
  },
  {
    url: 'https://feeds.bbci.co.uk/news/world/rss.xml',
    title: 'BBC News · World',
    lang: 'en',
    channels: ['world'],
  },
  {
    url: 'https://www.theguardian.com/world/rss',
    title: 'The Guardian · World',
    lang: 'en',
    channels: ['world'],
  },
  {
    url: 'https://rss.nytimes.com/services/xml/rss/nyt/World.xml',
    title: 'The New York Times · World',
    lang: 'en',
    channels: ['world'],
  },
  {
    url: 'https://feeds.content.dowjones.io/public/rss/RSSWorldNews',
    title: 'The Wall Street Journal · World',
    lang: 'en',
    channels: ['world'],
  },
  {
    url: 'https://www.aljazeera.com/xml/rss/all.xml',
    title: 'Al Jazeera English',
    lang: 'en',
    channels: ['world'],
  },
  {
    url: 'https://www.cgtn.com/subscribe/rss/section/world.xml',
    title: 'CGTN · World',
    lang: 'en',
    channels: ['world'],
  },
  {
    url: 'https://rss.dw.com/xml/rss-en-all',
    title: 'DW English',
    lang: 'en',
    channels: ['world'],
  },
  // 财经
  {
    url: 'https://www.chinanews.com.cn/rss/finance.xml',
    title: '中国新闻网 · 财经',
    lang: 'zh-Hans',
    channels: ['business'],
  },
  {
    url: 'https://www.ftchinese.com/rss/news',
    title: 'FT中文网 · 今日焦点',
    lang: 'zh-Hans',
    channels: ['business'],
  },
  {
    url: 'https://dedicated.wallstreetcn.com/rss.xml',
    title: '华尔街见闻',
    lang: 'zh-Hans',
    channels: ['business'],
  },
  {
    url: 'https://feeds.bbci.co.uk/news/business/rss.xml',
    title: 'BBC News · Business',
    lang: 'en',
    channels: ['business'],
  },
  {
    url: 'https://www.theguardian.com/business/rss',
    title: 'The Guardian · Business',
    lang: 'en',
    channels: ['business'],
  },
  {
    url: 'https://rss.nytimes.com/services/xml/rss/nyt/Business.xml',
    title: 'The New York Times · Business',
    lang: 'en',
    channels: ['business'],
  },
  {
    url: 'https://www.ft.com/rss/home',
    title: 'Financial Times',
    lang: 'en',
    channels: ['business'],
  },
  {
    url: 'https://www.cnbc.com/id/100003114/device/rss/rss.html',
    title: 'CNBC · Top News',
    lang: 'en',
    channels: ['business'],
  },
  // 科技
  { url: 'https://www.ithome.com/rss/', title: 'IT之家', lang: 'zh-Hans', channels: ['tech'] },
  { url: 'https://sspai.com/feed', title: '少数派', lang: 'zh-Hans', channels: ['tech', 'dev'] },
  { url: 'https://www.ifanr.com/feed', title: '爱范儿', lang: 'zh-Hans', channels: ['tech'] },
  { url: 'https://www.qbitai.com/feed', title: '量子位', lang: 'zh-Hans', channels: ['tech'] },
  { url: 'https://www.tmtpost.com/rss.xml', title: '钛媒体', lang: 'zh-Hans', channels: ['tech'] },
  { url: 'https://www.leiphone.com/feed', title: '雷峰网', lang: 'zh-Hans', channels: ['tech'] },
  {
    url: 'https://www.cnbeta.com.tw/backend.php',
    title: 'cnBeta',
    lang: 'zh-Hans',
    channels: ['tech'],
  },
  {
    url: 'https://feeds.bbci.co.uk/news/technology/rss.xml',
    title: 'BBC News · Technology',
    lang: 'en',
    channels: ['tech'],
  },
  {
    url: 'https://rss.nytimes.com/services/xml/rss/nyt/Technology.xml',
    title: 'The New York Times · Technology',
    lang: 'en',
    channels: ['tech'],
  },
  {
    url: 'https://www.theverge.com/rss/index.xml',
    title: 'The Verge',
    lang: 'en',
    channels: ['tech', 'dev'],
  },
  {
    url: 'https://feeds.arstechnica.com/arstechnica/index',
    title: 'Ars Technica',
    lang: 'en',
    channels: ['tech', 'dev'],
  },
  { url: 'https://techcrunch.com/feed/', title: 'TechCrunch', lang: 'en', channels: ['tech'] },
  { url: 'https://www.wired.com/feed/rss', title: 'WIRED', lang: 'en', channels: ['tech'] },
  // 体育
  {
    url: 'https://rthk.hk/rthk/news/rss/c_expressnews_csport.xml',
    title: '香港电台 · 体育新闻',
    lang: 'zh-Hant',
    channels: ['sports'],
  },
  { url: 'https://www.espn.com/espn/rss/news', title: 'ESPN', lang: 'en', channels: ['sports'] },
  { url: 'https://www.si.com/feed', title: 'Sports Illustrated', lang: 'en', channels: ['sports'] },
  // 娱乐
  {
    url: 'https://www.gcores.com/rss',
    title: '机核 GCORES',
    lang: 'zh-Hans',
    channels: ['entertainment'],
  },
  { url: 'https://variety.com/feed/', title: 'Variety', lang: 'en', channels: ['entertainment'] },
  {
    url: 'https://www.hollywoodreporter.com/feed/',
    title: 'The Hollywood Reporter',
    lang: 'en',
    channels: ['entertainment'],
  },
  { url: 'https://deadline.com/feed/', title: 'Deadline', lang: 'en', channels: ['entertainment'] },
  {
    url: 'https://feeds.bbci.co.uk/news/entertainment_and_arts/rss.xml',
    title: 'BBC News · Entertainment & Arts',
    lang: 'en',
    channels: ['entertainment'],
  },
  // 开发者
  {
    url: 'https://hnrss.org/frontpage',
    title: 'Hacker News (front page, via hnrss)',
    lang: 'en',
    channels: ['dev'],
  },
  { url: 'https://lobste.rs/rss', title: 'Lobsters', lang: 'en', channels: ['dev'] },
  { url: 'https://www.v2ex.com/index.xml', title: 'V2EX', lang: 'zh-Hans', channels: ['dev'] },
  {
    url: 'https://www.ruanyifeng.com/blog/atom.xml',
    title: '阮一峰的网络日志',
    lang: 'zh-Hans',
    channels: ['dev'],
  },
  {
    url: 'https://www.oschina.net/news/rss',
    title: '开源中国',
    lang: 'zh-Hans',
    channels: ['dev'],
  },
  {
    url: 'https://tech.meituan.com/feed/',
    title: '美团技术团队',
    lang: 'zh-Hans',
    channels: ['dev'],
  },
];

/**
 * Fujian and its nine prefecture-level cities. No publisher runs a Fujian feed (see
 * docs/sources.md), so these regions live on keywords matched over the national feeds, whose
 * summaries open with a dateline naming the city (中新网厦门10月3日电). Keywords were chosen to
 * avoid substrings of common words: 惠安 hides in 优惠安排, 建宁 in 福建宁德, 建阳 in 福建阳光,
 * so those places are left out; the masks ("-…") cover the collisions that remain.
 */
export const DEFAULT_REGIONS: readonly Region[] = [
  {
    id: 'fujian',
    name: '福建',
    nameEn: 'Fujian',
    keywords: [
      '福建',
      '闽南',
      '闽江',
      '闽台',
      '闽东',
      '闽西',
      '闽北',
      'Fujian',
      'Hokkien',
      'Minnan',
    ],
    feeds: [],
  },
  {
    id: 'fuzhou',
    name: '福州',
    nameEn: 'Fuzhou',
    keywords: [
      '福州',
      '榕城',
      '福清',
      '闽侯',
      '连江',
      '平潭',
      'Fuzhou',
      'Foochow',
      'Fuqing',
      'Pingtan',
    ],
    feeds: [],
  },
  {
    id: 'xiamen',
    name: '厦门',
    nameEn: 'Xiamen',
    keywords: [
      '厦门',
      '鹭岛',
      '鼓浪屿',
      '思明区',
      '湖里区',
      '集美',
      '海沧',
      '翔安',
      'Xiamen',
      'Amoy',
      'Gulangyu',
      'Kulangsu',
    ],
    feeds: [],
  },
  {
    id: 'putian',
    name: '莆田',
    nameEn: 'Putian',
    keywords: ['莆田', '湄洲', '仙游县', '涵江', 'Putian', 'Meizhou Island'],
    feeds: [],
  },
  {
    id: 'quanzhou',
    name: '泉州',
    nameEn: 'Quanzhou',
    keywords: ['泉州', '鲤城', '刺桐', '晋江', '石狮', '-石狮子', '安溪', 'Quanzhou', 'Anxi'],
    feeds: [],
  },
  {
    id: 'zhangzhou',
    name: '漳州',
    nameEn: 'Zhangzhou',
    keywords: ['漳州', '龙海', '漳浦', '东山岛', '诏安', '南靖', '古雷', 'Zhangzhou'],
    feeds: [],
  },
  {
    id: 'longyan',
    name: '龙岩',
    nameEn: 'Longyan',
    keywords: ['龙岩', '上杭', '长汀', '漳平', '古田会议', 'Longyan', 'Changting'],
    feeds: [],
  },
  {
    id: 'ningde',
    name: '宁德',
    nameEn: 'Ningde',
    keywords: [
      '宁德',
      '霞浦',
      '福鼎',
      '寿宁',
      '柘荣',
      '屏南',
      '三都澳',
      'Ningde',
      'Xiapu',
      'Fuding',
    ],
    feeds: [],
  },
  {
    id: 'nanping',
    name: '南平',
    nameEn: 'Nanping',
    keywords: [
      '南平',
      '-河南平顶山',
      '-湖南平江',
      '武夷山',
      '建瓯',
      '邵武',
      '浦城',
      'Nanping',
      'Wuyishan',
      'Mount Wuyi',
      'Wuyi Mountains',
    ],
    feeds: [],
  },
  {
    id: 'sanming',
    name: '三明',
    nameEn: 'Sanming',
    keywords: ['三明', '-三明治', '沙县', '尤溪', '泰宁', '明溪', 'Sanming', 'Shaxian'],
    feeds: [],
  },
];

/** A fresh copy of the default edition. */
export function defaultCatalog(): Catalog {
  const channels: Channel[] = CHANNELS.map((info) => ({
    ...info,
    feeds: DEFAULT_SOURCES.filter((s) => s.channels.includes(info.id)).map((s) => ({
      url: s.url,
      title: s.title,
    })),
  }));
  return {
    channels,
    regions: DEFAULT_REGIONS.map((r) => ({ ...r, keywords: [...r.keywords], feeds: [...r.feeds] })),
  };
}
