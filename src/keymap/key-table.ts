// The key table: every binding of the reader as data (operation, default keys, contexts, help
// text). Help, status-bar hints, --help and the README table are all generated from it. No react/ink.
import type { Context, Operation } from './operations.js';

/** Text in both UI languages. */
export interface Label {
  readonly zh: string;
  readonly en: string;
}

/** One row of the table: these keys trigger `op` in these contexts. An operation may have several rows. */
export interface KeyBinding {
  readonly op: Operation;
  readonly keys: readonly string[];
  readonly contexts: readonly Context[];
  readonly help: Label;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** The default bindings, in the order help shows them. */
export const KEY_TABLE: readonly KeyBinding[] = [
  {
    op: 'cursor.down',
    keys: ['j', 'down'],
    contexts: ['list'],
    help: { zh: '下移一行', en: 'Move down' },
  },
  {
    op: 'cursor.up',
    keys: ['k', 'up'],
    contexts: ['list'],
    help: { zh: '上移一行', en: 'Move up' },
  },
  {
    op: 'cursor.top',
    keys: ['g', 'home'],
    contexts: ['list'],
    help: { zh: '到第一条', en: 'Go to the first row' },
  },
  {
    op: 'cursor.bottom',
    keys: ['G', 'end'],
    contexts: ['list'],
    help: { zh: '到最后一条', en: 'Go to the last row' },
  },
  {
    op: 'cursor.half-down',
    keys: ['ctrl-d'],
    contexts: ['list'],
    help: { zh: '下移半屏', en: 'Half a screen down' },
  },
  {
    op: 'cursor.half-up',
    keys: ['ctrl-u'],
    contexts: ['list'],
    help: { zh: '上移半屏', en: 'Half a screen up' },
  },
  {
    op: 'page.next',
    keys: ['space', 'pagedown'],
    contexts: ['list'],
    help: { zh: '下一屏', en: 'Next screen' },
  },
  {
    op: 'page.prev',
    keys: ['b', 'pageup'],
    contexts: ['list'],
    help: { zh: '上一屏', en: 'Previous screen' },
  },
  { op: 'item.open', keys: ['enter'], contexts: ['list'], help: { zh: '打开', en: 'Open' } },
  {
    op: 'nav.back',
    keys: ['esc', 'q'],
    contexts: ['favorites', 'errors'],
    help: { zh: '返回', en: 'Back' },
  },

  {
    op: 'focus.next',
    keys: ['tab'],
    contexts: ['home'],
    help: { zh: '切换：频道栏 → 地区栏 → 列表', en: 'Focus: channels → regions → list' },
  },
  {
    op: 'focus.prev',
    keys: ['shift-tab'],
    contexts: ['home'],
    help: { zh: '反向切换焦点', en: 'Focus backwards' },
  },
  {
    op: 'bar.prev',
    keys: ['h', 'left'],
    contexts: ['home'],
    help: { zh: '上一个频道（或地区）', en: 'Previous channel (or region)' },
  },
  {
    op: 'bar.next',
    keys: ['l', 'right'],
    contexts: ['home'],
    help: { zh: '下一个频道（或地区）', en: 'Next channel (or region)' },
  },
  {
    op: 'refresh.selection',
    keys: ['r'],
    contexts: ['home'],
    help: { zh: '刷新当前频道/地区', en: 'Refresh this channel/region' },
  },
  {
    op: 'refresh.cancel',
    keys: ['esc'],
    contexts: ['home'],
    help: { zh: '取消刷新', en: 'Cancel the refresh' },
  },
  {
    op: 'filter.unread',
    keys: ['u'],
    contexts: ['home'],
    help: { zh: '只看未读', en: 'Unread only' },
  },
  {
    op: 'read.mark-all',
    keys: ['m'],
    contexts: ['home'],
    help: { zh: '全部标为已读', en: 'Mark the list read' },
  },
  {
    op: 'read.undo',
    keys: ['z'],
    contexts: ['home'],
    help: { zh: '撤销标为已读', en: 'Undo mark read' },
  },
  {
    op: 'panel.toggle',
    keys: ['p'],
    contexts: ['home'],
    help: { zh: '侧栏：今日热词、点击排行', en: 'Side panel: hot words, most read' },
  },
  {
    op: 'panel.window',
    keys: ['w'],
    contexts: ['home'],
    help: { zh: '排行：3天 / 一周 / 一月', en: 'Most read: 3 days / week / month' },
  },
  { op: 'app.quit', keys: ['q'], contexts: ['home'], help: { zh: '退出', en: 'Quit' } },

  {
    op: 'favorite.toggle',
    keys: ['f'],
    contexts: ['home', 'favorites', 'article'],
    help: { zh: '收藏 / 取消收藏', en: 'Favorite / unfavorite' },
  },
  {
    op: 'link.open',
    keys: ['o'],
    contexts: ['home', 'favorites', 'article'],
    help: { zh: '在浏览器中打开', en: 'Open in the browser' },
  },
  {
    op: 'link.copy',
    keys: ['y'],
    contexts: ['home', 'favorites', 'article'],
    help: { zh: '复制链接', en: 'Copy the link' },
  },

  {
    op: 'page.next',
    keys: ['space', 'pagedown', 'l', 'right', 'ctrl-d'],
    contexts: ['article'],
    help: { zh: '下一页', en: 'Next page' },
  },
  {
    op: 'page.prev',
    keys: ['b', 'pageup', 'h', 'left', 'ctrl-u'],
    contexts: ['article'],
    help: { zh: '上一页', en: 'Previous page' },
  },
  {
    op: 'page.goto',
    keys: DIGITS,
    contexts: ['article'],
    help: { zh: '跳到第 n 页', en: 'Go to page n' },
  },
  {
    op: 'cursor.top',
    keys: ['g', 'home'],
    contexts: ['article'],
    help: { zh: '第一页', en: 'First page' },
  },
  {
    op: 'cursor.bottom',
    keys: ['G', 'end'],
    contexts: ['article'],
    help: { zh: '最后一页', en: 'Last page' },
  },
  {
    op: 'cursor.down',
    keys: ['j', 'down'],
    contexts: ['article'],
    help: { zh: '相关阅读：下一条', en: 'Related reading: next' },
  },
  {
    op: 'cursor.up',
    keys: ['k', 'up'],
    contexts: ['article'],
    help: { zh: '相关阅读：上一条', en: 'Related reading: previous' },
  },
  {
    op: 'item.open',
    keys: ['enter'],
    contexts: ['article'],
    help: { zh: '打开所选相关阅读', en: 'Open the selected related article' },
  },
  {
    op: 'font.larger',
    keys: ['+', '='],
    contexts: ['article'],
    help: { zh: '字号加大', en: 'Larger font' },
  },
  {
    op: 'font.smaller',
    keys: ['-'],
    contexts: ['article'],
    help: { zh: '字号减小', en: 'Smaller font' },
  },
  {
    op: 'article.export',
    keys: ['e'],
    contexts: ['article'],
    help: { zh: '导出为 Markdown', en: 'Export as Markdown' },
  },
  { op: 'nav.back', keys: ['esc', 'q'], contexts: ['article'], help: { zh: '返回', en: 'Back' } },

  {
    op: 'cursor.down',
    keys: ['down', 'ctrl-n'],
    contexts: ['search'],
    help: { zh: '下一条结果', en: 'Next result' },
  },
  {
    op: 'cursor.up',
    keys: ['up', 'ctrl-p'],
    contexts: ['search'],
    help: { zh: '上一条结果', en: 'Previous result' },
  },
  {
    op: 'page.next',
    keys: ['pagedown'],
    contexts: ['search'],
    help: { zh: '下一屏', en: 'Next screen' },
  },
  {
    op: 'page.prev',
    keys: ['pageup'],
    contexts: ['search'],
    help: { zh: '上一屏', en: 'Previous screen' },
  },
  {
    op: 'item.open',
    keys: ['enter'],
    contexts: ['search'],
    help: { zh: '打开结果', en: 'Open the result' },
  },
  {
    op: 'search.erase',
    keys: ['backspace'],
    contexts: ['search'],
    help: { zh: '删除一个字', en: 'Delete a character' },
  },
  {
    op: 'nav.back',
    keys: ['esc'],
    contexts: ['search'],
    help: { zh: '关闭搜索', en: 'Close the search' },
  },

  {
    op: 'help.toggle',
    keys: ['?', 'esc', 'q'],
    contexts: ['help'],
    help: { zh: '关闭帮助', en: 'Close help' },
  },
  {
    op: 'cursor.down',
    keys: ['j', 'down'],
    contexts: ['help'],
    help: { zh: '向下滚动', en: 'Scroll down' },
  },
  {
    op: 'cursor.up',
    keys: ['k', 'up'],
    contexts: ['help'],
    help: { zh: '向上滚动', en: 'Scroll up' },
  },
  {
    op: 'page.next',
    keys: ['space', 'pagedown'],
    contexts: ['help'],
    help: { zh: '下一屏', en: 'Next screen' },
  },
  {
    op: 'page.prev',
    keys: ['b', 'pageup'],
    contexts: ['help'],
    help: { zh: '上一屏', en: 'Previous screen' },
  },

  { op: 'search.open', keys: ['/'], contexts: ['global'], help: { zh: '搜索', en: 'Search' } },
  {
    op: 'screen.favorites',
    keys: ['F'],
    contexts: ['global'],
    help: { zh: '我的收藏', en: 'Favorites' },
  },
  {
    op: 'screen.errors',
    keys: ['!'],
    contexts: ['global'],
    help: { zh: '订阅源错误', en: 'Feed errors' },
  },
  {
    op: 'refresh.all',
    keys: ['R'],
    contexts: ['global'],
    help: { zh: '全部刷新', en: 'Refresh all feeds' },
  },
  {
    op: 'refresh.cancel',
    keys: ['x'],
    contexts: ['global'],
    help: { zh: '取消刷新', en: 'Cancel the refresh' },
  },
  { op: 'help.toggle', keys: ['?'], contexts: ['global'], help: { zh: '帮助', en: 'Help' } },
  { op: 'app.quit', keys: ['Q', 'ctrl-c'], contexts: ['global'], help: { zh: '退出', en: 'Quit' } },
];

/** A group of operations shown together in the key-hint line with one label (`j/k 移动`). */
export interface HintSpec {
  readonly ops: readonly Operation[];
  readonly label: Label;
}

/** Status-bar hints per screen, most important first; the line drops what does not fit. */
export const HINTS: Readonly<
  Record<'home' | 'article' | 'favorites' | 'search' | 'errors', readonly HintSpec[]>
> = {
  home: [
    { ops: ['cursor.down', 'cursor.up'], label: { zh: '移动', en: 'move' } },
    { ops: ['item.open'], label: { zh: '阅读', en: 'read' } },
    { ops: ['bar.prev', 'bar.next'], label: { zh: '频道', en: 'channel' } },
    { ops: ['focus.next'], label: { zh: '地区', en: 'region' } },
    { ops: ['search.open'], label: { zh: '搜索', en: 'search' } },
    { ops: ['refresh.all'], label: { zh: '刷新', en: 'refresh' } },
    { ops: ['screen.favorites'], label: { zh: '收藏夹', en: 'favorites' } },
    { ops: ['panel.toggle'], label: { zh: '侧栏', en: 'panel' } },
    { ops: ['help.toggle'], label: { zh: '帮助', en: 'help' } },
    { ops: ['app.quit'], label: { zh: '退出', en: 'quit' } },
  ],
  article: [
    { ops: ['page.next', 'page.prev'], label: { zh: '翻页', en: 'page' } },
    { ops: ['font.larger', 'font.smaller'], label: { zh: '字号', en: 'size' } },
    { ops: ['nav.back'], label: { zh: '返回', en: 'back' } },
    { ops: ['help.toggle'], label: { zh: '帮助', en: 'help' } },
  ],
  favorites: [
    { ops: ['cursor.down', 'cursor.up'], label: { zh: '移动', en: 'move' } },
    { ops: ['item.open'], label: { zh: '阅读', en: 'read' } },
    { ops: ['favorite.toggle'], label: { zh: '取消收藏', en: 'unfavorite' } },
    { ops: ['nav.back'], label: { zh: '返回', en: 'back' } },
    { ops: ['help.toggle'], label: { zh: '帮助', en: 'help' } },
  ],
  search: [
    { ops: ['cursor.down', 'cursor.up'], label: { zh: '移动', en: 'move' } },
    { ops: ['item.open'], label: { zh: '阅读', en: 'read' } },
    { ops: ['nav.back'], label: { zh: '关闭', en: 'close' } },
  ],
  errors: [
    { ops: ['cursor.down', 'cursor.up'], label: { zh: '移动', en: 'move' } },
    { ops: ['refresh.all'], label: { zh: '重试', en: 'retry' } },
    { ops: ['nav.back'], label: { zh: '返回', en: 'back' } },
  ],
};
