// `tidings list`: cached items, newest first, from the cache only (no network, no Ink).
import { membershipResolver, type Catalog } from '../core/catalog/catalog.js';
import { compareNewestFirst } from '../core/feeds/refresh.js';
import { FeedCache } from '../core/storage/feed-cache.js';
import { type CommandContext, EXIT_OK, UsageError } from './context.js';
import { formatLocalTime } from './format.js';
import { resolveCatalog } from './resolve-catalog.js';

export interface ListCommandOptions {
  readonly catalogFile: string | null;
  readonly channel: string | null;
  readonly region: string | null;
  readonly search: string | null;
  readonly limit: number | null;
  /** Only items not opened yet. */
  readonly isUnreadOnly?: boolean;
  readonly isJson: boolean;
}

/** One row of `list --json`. */
export interface ListedItem {
  readonly id: string;
  readonly title: string;
  readonly link: string | null;
  readonly published: string | null;
  readonly author: string | null;
  readonly source: string;
  readonly feedUrl: string;
  readonly channels: readonly string[];
  readonly regions: readonly string[];
  readonly summary: string;
}

/**
 * Prints rows as a JSON array, one compact row per line, in chunks: thousands of items would
 * otherwise become one pretty-printed string several megabytes long before the first byte leaves.
 */
function writeJsonRows(context: CommandContext, rows: readonly ListedItem[]): void {
  if (rows.length === 0) {
    context.out.line('[]');
    return;
  }
  const chunk: string[] = [];
  context.out.line('[');
  rows.forEach((row, index) => {
    chunk.push(JSON.stringify(row) + (index === rows.length - 1 ? '' : ','));
    if (chunk.length === 500 || index === rows.length - 1) {
      context.out.line(chunk.join('\n'));
      chunk.length = 0;
    }
  });
  context.out.line(']');
}

/** Runs `tidings list`. */
export async function runList(
  context: CommandContext,
  options: ListCommandOptions,
): Promise<number> {
  const catalog: Catalog = (await resolveCatalog(context, { catalogFile: options.catalogFile }))
    .catalog;
  if (options.channel !== null && !catalog.channels.some((c) => c.id === options.channel)) {
    throw new UsageError(`unknown channel "${options.channel}" (see tidings channels)`);
  }
  if (options.region !== null && !catalog.regions.some((r) => r.id === options.region)) {
    throw new UsageError(`unknown region "${options.region}" (see tidings regions)`);
  }
  const cache = new FeedCache(context.paths.cache, context.now);
  const summaries = await cache.readAllSummaries();
  for (const warning of cache.warnings) context.out.error(`tidings: ${warning.message}`);
  // Read state lives in conf; it is loaded only when asked for, so a plain list stays fast.
  const readState =
    options.isUnreadOnly === true
      ? await (
          await import('../core/storage/read-state.js')
        ).loadReadState(context.paths, context.now, (notice) =>
          context.out.error(`tidings: ${notice.message}`),
        )
      : null;
  const membershipOf = membershipResolver(catalog);
  const needle = options.search?.toLocaleLowerCase() ?? null;
  const rows: ListedItem[] = [];
  for (const item of summaries.sort(compareNewestFirst)) {
    if (readState?.isRead(item.id) === true) continue;
    const membership = membershipOf({ ...item, contentHtml: null });
    if (options.channel !== null && !membership.channels.includes(options.channel)) continue;
    if (options.region !== null && !membership.regions.includes(options.region)) continue;
    if (needle !== null && !`${item.title}\n${item.summary}`.toLocaleLowerCase().includes(needle))
      continue;
    rows.push({
      id: item.id,
      title: item.title,
      link: item.link,
      published: item.published,
      author: item.author,
      source: item.source,
      feedUrl: item.feedUrl,
      channels: membership.channels,
      regions: membership.regions,
      summary: item.summary,
    });
    if (options.limit !== null && rows.length >= options.limit) break;
  }
  if (options.isJson) {
    writeJsonRows(context, rows);
  } else if (rows.length === 0) {
    context.out.line(
      summaries.length === 0
        ? 'No cached items yet: run `tidings fetch` first.'
        : 'No items match.',
    );
  } else {
    for (const row of rows) {
      context.out.line(
        `${formatLocalTime(row.published)}  ${row.id}  ${row.title}  · ${row.source}`,
      );
    }
  }
  return EXIT_OK;
}
