// Reducer actions: kebab-case events that happened (a key's effect, a load finished, the terminal
// resized). Operations (dotted) live in the keymap; the controller turns them into these. No react/ink.
import type { Article } from '../core/articles/article.js';
import type {
  FavoriteSummary,
  FeedState,
  HomeFocus,
  HotWord,
  ListItem,
  Notice,
  RankEntry,
  RankWindow,
  Screen,
} from './state.js';

export type Action =
  | { readonly type: 'viewport-resized'; readonly columns: number; readonly rows: number }
  | {
      readonly type: 'cache-loaded';
      readonly items: readonly ListItem[];
      readonly feeds: readonly FeedState[];
      readonly readIds: readonly string[];
      readonly favorites: readonly FavoriteSummary[];
    }
  | { readonly type: 'items-updated'; readonly items: readonly ListItem[] }
  | {
      readonly type: 'refresh-started';
      readonly scope: 'all' | 'selection';
      readonly urls: readonly string[];
    }
  | {
      readonly type: 'feed-refreshed';
      readonly url: string;
      readonly title: string;
      readonly error: string | null;
      readonly at: string;
    }
  | {
      /** Several feeds ended within one progress interval: applied as one change. */
      readonly type: 'feeds-refreshed';
      readonly outcomes: readonly {
        readonly url: string;
        readonly title: string;
        readonly error: string | null;
        readonly at: string;
      }[];
    }
  | { readonly type: 'refresh-finished'; readonly at: string; readonly isCancelled: boolean }
  | { readonly type: 'cursor-moved'; readonly by: number }
  | { readonly type: 'cursor-jumped'; readonly to: 'top' | 'bottom' }
  | { readonly type: 'list-paged'; readonly by: number }
  | { readonly type: 'focus-cycled'; readonly by: 1 | -1 }
  | { readonly type: 'focus-set'; readonly focus: HomeFocus }
  | { readonly type: 'tab-moved'; readonly by: 1 | -1 }
  | { readonly type: 'screen-pushed'; readonly screen: Screen }
  | { readonly type: 'screen-popped' }
  | {
      readonly type: 'article-loaded';
      readonly itemId: string;
      readonly article: Article;
      readonly related: readonly ListItem[];
    }
  | { readonly type: 'article-failed'; readonly itemId: string; readonly message: string }
  | { readonly type: 'article-anchored'; readonly itemId: string; readonly anchor: number }
  | { readonly type: 'font-changed'; readonly by: 1 | -1 }
  | { readonly type: 'favorites-changed'; readonly favorites: readonly FavoriteSummary[] }
  | { readonly type: 'favorite-texts-loaded'; readonly texts: ReadonlyMap<string, string> }
  | { readonly type: 'read-marked'; readonly ids: readonly string[]; readonly isUndoable: boolean }
  | { readonly type: 'read-unmarked'; readonly ids: readonly string[] }
  | { readonly type: 'unread-filter-toggled' }
  | { readonly type: 'panel-toggled' }
  | { readonly type: 'rank-window-cycled' }
  | {
      readonly type: 'insights-loaded';
      readonly hotWords: readonly HotWord[];
      readonly rank: Readonly<Record<RankWindow, readonly RankEntry[]>>;
    }
  | { readonly type: 'help-toggled' }
  | { readonly type: 'search-typed'; readonly text: string }
  | { readonly type: 'search-erased' }
  | { readonly type: 'notice-shown'; readonly notice: Notice }
  | { readonly type: 'notice-cleared' }
  | { readonly type: 'clock-ticked'; readonly now: number };

export type ActionType = Action['type'];
