// `tidings catalog check`: fetches every feed of the catalog once and reports which answer, which
// fail and why, and how old each feed's newest item is.
import { catalogFeeds } from '../core/catalog/catalog.js';
import { checkFeeds, formatAge, type FeedCheck } from '../core/catalog/check-feeds.js';
import { type CommandContext, EXIT_OK, EXIT_PARTIAL } from './context.js';
import { resolveCatalog } from './resolve-catalog.js';

export interface CatalogCheckCommandOptions {
  readonly catalogFile: string | null;
  readonly isJson: boolean;
  readonly concurrency: number;
  readonly totalTimeoutMs: number | null;
  /** Newest item older than this many days → stale. */
  readonly staleDays: number;
}

function describe(check: FeedCheck): string {
  const status = check.status.padEnd(6);
  const age = check.ageSeconds === null ? '-' : formatAge(check.ageSeconds);
  const detail =
    check.status === 'failed'
      ? (check.reason ?? '')
      : `${check.items} items, newest ${age}${check.reason === null ? '' : ` (${check.reason})`}`;
  return `${status}  ${check.title}  ${check.url}  ${detail}`;
}

/** Runs `tidings catalog check`: exit 0 when every feed answered, 2 when any failed. */
export async function runCatalogCheck(
  context: CommandContext,
  options: CatalogCheckCommandOptions,
): Promise<number> {
  const { catalog, file } = await resolveCatalog(context, { catalogFile: options.catalogFile });
  const feeds = catalogFeeds(catalog);
  const checks = await checkFeeds(feeds, {
    fetch: context.fetch,
    now: context.now,
    userAgent: context.userAgent,
    concurrency: options.concurrency,
    staleAfterSeconds: options.staleDays * 86400,
    ...(options.totalTimeoutMs === null ? {} : { totalTimeoutMs: options.totalTimeoutMs }),
    // Text mode prints each feed as it finishes, so a slow check shows progress.
    ...(options.isJson
      ? {}
      : { onProgress: (check: FeedCheck) => context.out.line(describe(check)) }),
  });
  const ok = checks.filter((c) => c.status === 'ok').length;
  const stale = checks.filter((c) => c.status === 'stale').length;
  const failed = checks.filter((c) => c.status === 'failed').length;
  if (options.isJson) {
    context.out.json({ catalog: file, feeds: checks, ok, stale, failed });
  } else {
    context.out.line(
      `${checks.length} feeds in ${file}: ${ok} ok, ${stale} stale, ${failed} failed`,
    );
  }
  return failed > 0 ? EXIT_PARTIAL : EXIT_OK;
}
