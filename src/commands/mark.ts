// `tidings mark read|unread ID...` and `tidings mark channel|region ID [--unread]`: the read
// state by hand, or a whole channel or region at once (cached items only). Offline.
import { membershipResolver } from '../core/catalog/catalog.js';
import { type ReadChange, ReadStateStore } from '../core/storage/read-state.js';
import { sanitizeLine } from '../core/feeds/sanitize.js';
import { type CommandContext, EXIT_OK, UsageError } from './context.js';
import { loadCachedItems } from './load-cached-items.js';
import { resolveCatalog } from './resolve-catalog.js';

export interface MarkCommandOptions {
  /** What to mark: the given ids, or every cached item of a channel or region. */
  readonly target:
    | { readonly kind: 'items'; readonly ids: readonly string[] }
    | { readonly kind: 'channel' | 'region'; readonly id: string };
  readonly isUnread: boolean;
  readonly catalogFile: string | null;
  readonly isJson: boolean;
}

/** Runs `tidings mark`. */
export async function runMark(
  context: CommandContext,
  options: MarkCommandOptions,
): Promise<number> {
  const { target } = options;
  let ids: readonly string[];
  let what: string;
  if (target.kind === 'items') {
    if (target.ids.length === 0) throw new UsageError('give at least one item id');
    ids = target.ids;
    what = `${ids.length} item${ids.length === 1 ? '' : 's'}`;
  } else {
    const { catalog } = await resolveCatalog(context, { catalogFile: options.catalogFile });
    const groups = target.kind === 'channel' ? catalog.channels : catalog.regions;
    const group = groups.find((g) => g.id === target.id);
    if (group === undefined) {
      throw new UsageError(
        `unknown ${target.kind} "${sanitizeLine(target.id)}" (see tidings ${target.kind}s)`,
      );
    }
    const membershipOf = membershipResolver(catalog);
    const items = await loadCachedItems(context);
    ids = items
      .filter((item) => {
        const membership = membershipOf({ ...item, contentHtml: null });
        return (target.kind === 'channel' ? membership.channels : membership.regions).includes(
          target.id,
        );
      })
      .map((item) => item.id);
    what = `${ids.length} cached item${ids.length === 1 ? '' : 's'} of ${group.name} (${group.id})`;
  }
  const store = new ReadStateStore({
    paths: context.paths,
    now: context.now,
    onNotice: (notice) => context.out.error(`tidings: ${notice.message}`),
  });
  const change: ReadChange = options.isUnread
    ? await store.markUnread(ids)
    : await store.markRead(ids);
  const changed = options.isUnread ? change.unmarked.length : change.marked.length;
  if (options.isJson) {
    context.out.json({ state: options.isUnread ? 'unread' : 'read', ids, change });
    return EXIT_OK;
  }
  context.out.line(
    `Marked ${what} ${options.isUnread ? 'unread' : 'read'} (${changed} changed, ${ids.length - changed} already ${options.isUnread ? 'unread' : 'read'}).`,
  );
  return EXIT_OK;
}
