// Every UI string in Chinese and English. Chosen by --lang or the locale in cli.tsx. No react/ink.
import type { Lang } from './state.js';

export interface Labels {
  readonly appName: string;
  readonly loadingCache: string;
  readonly emptyList: string;
  readonly emptyCache: string;
  readonly emptyFavorites: string;
  readonly emptySearch: string;
  readonly typeToSearch: string;
  readonly noErrors: string;
  readonly favoritesTitle: string;
  readonly searchTitle: string;
  readonly errorsTitle: string;
  readonly helpTitle: string;
  readonly helpClose: string;
  readonly refreshing: (done: number, total: number) => string;
  readonly updatedAt: (when: string) => string;
  readonly feedErrors: (count: number) => string;
  readonly offline: string;
  readonly unreadOnly: string;
  readonly unreadCount: (count: number) => string;
  readonly hotWords: string;
  readonly mostRead: string;
  readonly rankWindow: (days: number) => string;
  readonly noHotWords: string;
  readonly noRank: string;
  /** Said under the panel's headings until the first count is done. */
  readonly counting: string;
  readonly loadingArticle: string;
  readonly articleFailed: (message: string) => string;
  readonly related: string;
  readonly editor: string;
  readonly author: string;
  readonly chars: (count: number) => string;
  readonly minutes: (count: number) => string;
  readonly pageOf: (page: number, pages: number) => string;
  readonly actions: {
    readonly favorite: string;
    readonly unfavorite: string;
    readonly open: string;
    readonly copy: string;
    readonly export: string;
    readonly fontSize: string;
  };
  readonly fontSizes: Readonly<Record<'small' | 'medium' | 'large' | 'xlarge', string>>;
  readonly results: (count: number) => string;
  readonly savedAt: (when: string) => string;
  readonly refreshBusy: string;
  readonly refreshCancelled: string;
  readonly favorited: string;
  readonly unfavorited: string;
  readonly saving: string;
  readonly noLink: string;
  readonly opened: string;
  readonly copied: string;
  readonly copiedOsc52: string;
  readonly exported: (path: string) => string;
  readonly markedRead: (count: number) => string;
  readonly undone: (count: number) => string;
  readonly tooSmall: string;
}

const zh: Labels = {
  appName: '新闻',
  loadingCache: '正在读取缓存…',
  emptyList: '这里还没有文章。按 R 刷新，或换一个频道/地区。',
  emptyCache: '还没有缓存的文章，正在刷新…',
  emptyFavorites: '还没有收藏。阅读文章时按 f 收藏。',
  emptySearch: '没有找到匹配的文章。',
  typeToSearch: '输入关键词，搜索标题与正文（缓存与收藏）。',
  noErrors: '所有订阅源都正常。',
  favoritesTitle: '我的收藏',
  searchTitle: '搜索',
  errorsTitle: '订阅源错误',
  helpTitle: '按键帮助',
  helpClose: '按 ? 或 Esc 关闭',
  refreshing: (done, total) => `刷新中 ${done}/${total}`,
  updatedAt: (when) => `更新于 ${when}`,
  feedErrors: (count) => `${count} 个源出错`,
  offline: '离线',
  unreadOnly: '只看未读',
  unreadCount: (count) => `未读 ${count}`,
  hotWords: '今日热词',
  mostRead: '点击排行',
  rankWindow: (days) => (days === 3 ? '3天' : days === 7 ? '一周' : '一月'),
  noHotWords: '暂无',
  noRank: '还没有阅读记录',
  counting: '统计中…',
  loadingArticle: '正在获取全文…',
  articleFailed: (message) => `无法打开文章：${message}`,
  related: '相关阅读',
  editor: '责任编辑',
  author: '作者',
  chars: (count) => `${count} 字`,
  minutes: (count) => `约 ${count} 分钟`,
  pageOf: (page, pages) => `第 ${page}/${pages} 页`,
  actions: {
    favorite: '收藏',
    unfavorite: '已收藏',
    open: '打开',
    copy: '复制链接',
    export: '导出',
    fontSize: '字号',
  },
  fontSizes: { small: '小', medium: '中', large: '大', xlarge: '特大' },
  results: (count) => `${count} 条结果`,
  savedAt: (when) => `收藏于 ${when}`,
  refreshBusy: '正在刷新，请稍候（x 取消）',
  refreshCancelled: '已取消刷新',
  favorited: '已收藏',
  unfavorited: '已取消收藏',
  saving: '正在收藏（获取全文）…',
  noLink: '这篇文章没有可打开的链接',
  opened: '已在浏览器中打开',
  copied: '已复制链接',
  copiedOsc52: '已通过终端复制链接（OSC 52）',
  exported: (path) => `已导出到 ${path}`,
  markedRead: (count) => `已将 ${count} 篇标为已读 · z 撤销`,
  undone: (count) => `已恢复 ${count} 篇为未读`,
  tooSmall: '终端太小',
};

const en: Labels = {
  appName: 'tidings',
  loadingCache: 'Reading the cache…',
  emptyList: 'Nothing here yet. Press R to refresh, or pick another channel/region.',
  emptyCache: 'Nothing cached yet; refreshing…',
  emptyFavorites: 'No favorites yet. Press f while reading to save one.',
  emptySearch: 'No matching articles.',
  typeToSearch: 'Type to search titles and text (cache and favorites).',
  noErrors: 'Every feed is fine.',
  favoritesTitle: 'Favorites',
  searchTitle: 'Search',
  errorsTitle: 'Feed errors',
  helpTitle: 'Keys',
  helpClose: 'Press ? or Esc to close',
  refreshing: (done, total) => `refreshing ${done}/${total}`,
  updatedAt: (when) => `updated ${when}`,
  feedErrors: (count) => `${count} feed${count === 1 ? '' : 's'} failed`,
  offline: 'offline',
  unreadOnly: 'unread only',
  unreadCount: (count) => `${count} unread`,
  hotWords: 'Hot words',
  mostRead: 'Most read',
  rankWindow: (days) => (days === 3 ? '3 days' : days === 7 ? 'week' : 'month'),
  noHotWords: 'none yet',
  noRank: 'nothing read yet',
  counting: 'counting…',
  loadingArticle: 'Fetching the full text…',
  articleFailed: (message) => `Cannot open the article: ${message}`,
  related: 'Related reading',
  editor: 'Editor',
  author: 'By',
  chars: (count) => `${count} chars`,
  minutes: (count) => `~${count} min`,
  pageOf: (page, pages) => `page ${page}/${pages}`,
  actions: {
    favorite: 'Save',
    unfavorite: 'Saved',
    open: 'Open',
    copy: 'Copy link',
    export: 'Export',
    fontSize: 'Size',
  },
  fontSizes: { small: 'S', medium: 'M', large: 'L', xlarge: 'XL' },
  results: (count) => `${count} result${count === 1 ? '' : 's'}`,
  savedAt: (when) => `saved ${when}`,
  refreshBusy: 'A refresh is running (x cancels it)',
  refreshCancelled: 'Refresh cancelled',
  favorited: 'Saved to favorites',
  unfavorited: 'Removed from favorites',
  saving: 'Saving (fetching the full text)…',
  noLink: 'This article has no link to open',
  opened: 'Opened in the browser',
  copied: 'Link copied',
  copiedOsc52: 'Link copied through the terminal (OSC 52)',
  exported: (path) => `Exported to ${path}`,
  markedRead: (count) => `Marked ${count} read · z to undo`,
  undone: (count) => `Restored ${count} to unread`,
  tooSmall: 'Terminal too small',
};

/** The labels of a language. */
export function labels(lang: Lang): Labels {
  return lang === 'zh' ? zh : en;
}

/** The UI language from an explicit choice, else the locale (LC_ALL, LC_MESSAGES, LANG): zh* → zh. */
export function pickLang(
  choice: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Lang {
  if (choice === 'zh' || choice === 'en') return choice;
  const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}
