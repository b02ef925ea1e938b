// `tidings channels`: the catalog's channels with their feed and cached item counts.
import { countCachedItems } from './cached-counts.js';
import { type CommandContext, EXIT_OK } from './context.js';
import { resolveCatalog } from './resolve-catalog.js';
import { formatColumns } from './text-columns.js';

export interface ChannelsCommandOptions {
  readonly catalogFile: string | null;
  readonly isJson: boolean;
}

/** One row of `channels --json`. */
export interface ChannelRow {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly feeds: number;
  readonly cachedItems: number;
}

/** Runs `tidings channels`. */
export async function runChannels(
  context: CommandContext,
  options: ChannelsCommandOptions,
): Promise<number> {
  const { catalog } = await resolveCatalog(context, { catalogFile: options.catalogFile });
  const counts = await countCachedItems(context, catalog);
  const rows: ChannelRow[] = catalog.channels.map((c) => ({
    id: c.id,
    name: c.name,
    nameEn: c.nameEn ?? null,
    feeds: c.feeds.length,
    cachedItems: counts.channels.get(c.id) ?? 0,
  }));
  if (options.isJson) {
    context.out.json(rows);
    return EXIT_OK;
  }
  if (rows.length === 0) {
    context.out.line('The catalog has no channels.');
    return EXIT_OK;
  }
  const table = formatColumns([
    ['ID', 'NAME', 'ENGLISH', 'FEEDS', 'CACHED'],
    ...rows.map((r) => [r.id, r.name, r.nameEn ?? '', String(r.feeds), String(r.cachedItems)]),
  ]);
  for (const line of table) context.out.line(line);
  return EXIT_OK;
}
