// `tidings history [--limit N] [--json] [--clear]`: the local reading history (what ranking
// counts), newest first, or forgotten at once. Offline.
import { HistoryStore } from '../core/storage/history.js';
import { type CommandContext, EXIT_OK } from './context.js';
import { formatLocalTime } from './format.js';

export interface HistoryCommandOptions {
  readonly limit: number | null;
  readonly isClear: boolean;
  readonly isJson: boolean;
}

/** Runs `tidings history`. */
export async function runHistory(
  context: CommandContext,
  options: HistoryCommandOptions,
): Promise<number> {
  const history = new HistoryStore({
    paths: context.paths,
    now: context.now,
    onNotice: (notice) => context.out.error(`tidings: ${notice.message}`),
  });
  if (options.isClear) {
    await history.clear();
    context.out.line('Reading history cleared.');
    return EXIT_OK;
  }
  const entries = (await history.entries()).reverse();
  const shown = options.limit === null ? entries : entries.slice(0, options.limit);
  if (options.isJson) {
    context.out.json(shown);
    return EXIT_OK;
  }
  if (shown.length === 0) {
    context.out.line('No reading history yet: articles you open are listed here.');
    return EXIT_OK;
  }
  for (const entry of shown) {
    context.out.line(
      `${formatLocalTime(entry.readAt)}  ${entry.itemId}  ${entry.title}  · ${entry.source}`,
    );
  }
  return EXIT_OK;
}
