// `tidings hot [--json]`: today's hot words (今日热词), the top terms of the last 24 hours of
// headlines across all cached feeds, with counts. Offline.
import { hotWords } from '../core/insights/hot-words.js';
import { type CommandContext, EXIT_OK } from './context.js';
import { loadCachedItems } from './load-cached-items.js';
import { formatColumns } from './text-columns.js';

export interface HotCommandOptions {
  readonly hours: number;
  readonly limit: number;
  readonly isJson: boolean;
}

/** Runs `tidings hot`. */
export async function runHot(context: CommandContext, options: HotCommandOptions): Promise<number> {
  const items = await loadCachedItems(context);
  const now = context.now();
  const words = hotWords(items, now, { hours: options.hours, limit: options.limit });
  if (options.isJson) {
    context.out.json({
      since: new Date(now.getTime() - options.hours * 3_600_000).toISOString(),
      until: now.toISOString(),
      words,
    });
    return EXIT_OK;
  }
  if (words.length === 0) {
    context.out.line(
      items.length === 0
        ? 'No cached items yet: run `tidings fetch` first.'
        : `No word appears in two headlines of the last ${options.hours} hours.`,
    );
    return EXIT_OK;
  }
  context.out.line(`今日热词 · Hot words, last ${options.hours} hours`);
  const rows = words.map((w, n) => [`${n + 1}.`, w.term, String(w.count)]);
  for (const line of formatColumns(rows)) context.out.line(line);
  return EXIT_OK;
}
