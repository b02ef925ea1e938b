// The vocabulary of the key table: operations (what a key does) and contexts (where it applies).
// Pure types and lists; no react/ink.

/** Every operation a key can trigger. Dotted names; see key-table.ts for keys and help text. */
export const OPERATIONS = [
  'cursor.up',
  'cursor.down',
  'cursor.top',
  'cursor.bottom',
  'cursor.half-down',
  'cursor.half-up',
  'focus.next',
  'focus.prev',
  'bar.prev',
  'bar.next',
  'item.open',
  'nav.back',
  'page.next',
  'page.prev',
  'page.goto',
  'font.larger',
  'font.smaller',
  'favorite.toggle',
  'link.open',
  'link.copy',
  'article.export',
  'search.open',
  'search.erase',
  'refresh.selection',
  'refresh.all',
  'refresh.cancel',
  'filter.unread',
  'read.mark-all',
  'read.undo',
  'panel.toggle',
  'panel.window',
  'screen.favorites',
  'screen.errors',
  'help.toggle',
  'app.quit',
] as const;

export type Operation = (typeof OPERATIONS)[number];

/**
 * Where a binding applies. `home`, `article`, `favorites`, `search`, `errors` are screens; `list`
 * is every screen showing a list (home, favorites, search, errors); `help` is the help overlay;
 * `global` applies everywhere unless a modal context (help, search) is on top.
 */
export const CONTEXTS = [
  'global',
  'list',
  'home',
  'article',
  'favorites',
  'search',
  'errors',
  'help',
] as const;

export type Context = (typeof CONTEXTS)[number];

/** True when `name` is a known operation. */
export function isOperation(name: string): name is Operation {
  return (OPERATIONS as readonly string[]).includes(name);
}
