// `tidings rank [--days 3|7|30] [--json]`: most read (点击排行), the user's most-opened articles,
// channels and regions, from the local reading history. Offline.
import type { Catalog } from '../core/catalog/catalog.js';
import { mostRead } from '../core/insights/most-read.js';
import { HistoryStore } from '../core/storage/history.js';
import { type CommandContext, EXIT_OK } from './context.js';
import { formatLocalTime } from './format.js';
import { resolveCatalog } from './resolve-catalog.js';
import { formatColumns } from './text-columns.js';

export interface RankCommandOptions {
  readonly days: number;
  readonly limit: number;
  readonly catalogFile: string | null;
  readonly isJson: boolean;
}

function nameIn(catalog: Catalog | null, kind: 'channels' | 'regions', id: string): string {
  const group = catalog?.[kind].find((g) => g.id === id);
  return group === undefined ? id : `${group.name} (${id})`;
}

/** Runs `tidings rank`. */
export async function runRank(
  context: CommandContext,
  options: RankCommandOptions,
): Promise<number> {
  const history = new HistoryStore({
    paths: context.paths,
    now: context.now,
    onNotice: (notice) => context.out.error(`tidings: ${notice.message}`),
  });
  const rank = mostRead(await history.entries(), context.now(), options.days, options.limit);
  if (options.isJson) {
    context.out.json(rank);
    return EXIT_OK;
  }
  context.out.line(
    `点击排行 · Most read, last ${options.days} days (since ${formatLocalTime(rank.since)})`,
  );
  if (rank.articles.length === 0) {
    context.out.line('Nothing read in this period: articles you open are counted here.');
    return EXIT_OK;
  }
  // Names are a nicety: a broken catalog must not hide the ranking.
  const catalog = await resolveCatalog(context, { catalogFile: options.catalogFile }).then(
    (resolved) => resolved.catalog,
    () => null,
  );
  context.out.line('');
  context.out.line('Articles');
  const articleRows = rank.articles.map((a, n) => [
    `${n + 1}.`,
    `${a.count}×`,
    a.title,
    `· ${a.source}  ${a.itemId}`,
  ]);
  for (const line of formatColumns(articleRows)) context.out.line(`  ${line}`);
  for (const kind of ['channels', 'regions'] as const) {
    if (rank[kind].length === 0) continue;
    context.out.line('');
    context.out.line(kind === 'channels' ? 'Channels' : 'Regions');
    const rows = rank[kind].map((g, n) => [
      `${n + 1}.`,
      `${g.count}×`,
      nameIn(catalog, kind, g.id),
    ]);
    for (const line of formatColumns(rows)) context.out.line(`  ${line}`);
  }
  return EXIT_OK;
}
