// `tidings regions`: the catalog's regions with keywords, feed and cached item counts.
import { countCachedItems } from './cached-counts.js';
import { type CommandContext, EXIT_OK } from './context.js';
import { resolveCatalog } from './resolve-catalog.js';
import { formatColumns } from './text-columns.js';

export interface RegionsCommandOptions {
  readonly catalogFile: string | null;
  readonly isJson: boolean;
}

/** One row of `regions --json`. */
export interface RegionRow {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string | null;
  readonly keywords: readonly string[];
  readonly feeds: number;
  readonly cachedItems: number;
}

/** Runs `tidings regions`. */
export async function runRegions(
  context: CommandContext,
  options: RegionsCommandOptions,
): Promise<number> {
  const { catalog } = await resolveCatalog(context, { catalogFile: options.catalogFile });
  const counts = await countCachedItems(context, catalog);
  const rows: RegionRow[] = catalog.regions.map((r) => ({
    id: r.id,
    name: r.name,
    nameEn: r.nameEn ?? null,
    keywords: r.keywords,
    feeds: r.feeds.length,
    cachedItems: counts.regions.get(r.id) ?? 0,
  }));
  if (options.isJson) {
    context.out.json(rows);
    return EXIT_OK;
  }
  if (rows.length === 0) {
    context.out.line('The catalog has no regions.');
    return EXIT_OK;
  }
  const table = formatColumns([
    ['ID', 'NAME', 'ENGLISH', 'FEEDS', 'CACHED', 'KEYWORDS'],
    ...rows.map((r) => [
      r.id,
      r.name,
      r.nameEn ?? '',
      String(r.feeds),
      String(r.cachedItems),
      r.keywords.join(', '),
    ]),
  ]);
  for (const line of table) context.out.line(line);
  return EXIT_OK;
}
