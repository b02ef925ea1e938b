// `tidings feeds list`: every feed of the catalog with the channels and regions it feeds.
import { catalogFeeds } from '../core/catalog/catalog.js';
import { type CommandContext, EXIT_OK } from './context.js';
import { resolveCatalog } from './resolve-catalog.js';
import { formatColumns } from './text-columns.js';

export interface FeedsListCommandOptions {
  readonly catalogFile: string | null;
  readonly isJson: boolean;
}

/** One row of `feeds list --json`. */
export interface FeedRow {
  readonly url: string;
  readonly title: string | null;
  readonly channels: readonly string[];
  readonly regions: readonly string[];
}

/** Runs `tidings feeds list`. */
export async function runFeedsList(
  context: CommandContext,
  options: FeedsListCommandOptions,
): Promise<number> {
  const { catalog, file } = await resolveCatalog(context, { catalogFile: options.catalogFile });
  const rows: FeedRow[] = catalogFeeds(catalog).map((feed) => ({
    url: feed.url,
    title: feed.title ?? null,
    channels: catalog.channels
      .filter((c) => c.feeds.some((f) => f.url === feed.url))
      .map((c) => c.id),
    regions: catalog.regions
      .filter((r) => r.feeds.some((f) => f.url === feed.url))
      .map((r) => r.id),
  }));
  if (options.isJson) {
    context.out.json(rows);
    return EXIT_OK;
  }
  if (rows.length === 0) {
    context.out.line(`No feeds in ${file}: add one with \`tidings feeds add URL --channel ID\`.`);
    return EXIT_OK;
  }
  const table = formatColumns([
    ['CHANNELS', 'TITLE', 'URL'],
    ...rows.map((r) => [
      [...r.channels, ...r.regions.map((id) => `@${id}`)].join(','),
      r.title ?? '',
      r.url,
    ]),
  ]);
  for (const line of table) context.out.line(line);
  context.out.line(`${rows.length} feeds in ${file}`);
  return EXIT_OK;
}
