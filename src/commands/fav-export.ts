// `tidings fav export [--format md|json|html] [-o FILE]`: every favorite in one document, to a
// file (written atomically) or stdout. Offline: only the snapshots are read.
import { writeFileAtomic } from '../core/storage/atomic-write.js';
import type { FavoriteSnapshot } from '../core/storage/favorites-store.js';
import {
  EXPORT_FORMATS,
  exportFavorites,
  type ExportFormat,
} from '../core/storage/favorites-export.js';
import { type CommandContext, EXIT_OK, UsageError } from './context.js';
import { formatLocalTime } from './format.js';
import { openFavorites } from './open-favorites.js';

export interface FavExportCommandOptions {
  readonly format: string;
  /** Output file, or null for stdout. */
  readonly output: string | null;
}

function parseFormat(format: string): ExportFormat {
  const found = EXPORT_FORMATS.find((f) => f === format.toLowerCase());
  if (found === undefined) {
    throw new UsageError(`unknown export format "${format}" (use ${EXPORT_FORMATS.join(', ')})`);
  }
  return found;
}

/** Runs `tidings fav export`. */
export async function runFavExport(
  context: CommandContext,
  options: FavExportCommandOptions,
): Promise<number> {
  const format = parseFormat(options.format);
  const store = await openFavorites(context);
  const snapshots: FavoriteSnapshot[] = [];
  for (const entry of await store.list()) {
    const snapshot = await store.get(entry.id);
    if (snapshot !== null) snapshots.push(snapshot);
  }
  const text = exportFavorites(format, snapshots, {
    now: context.now(),
    formatTime: formatLocalTime,
  });
  if (options.output === null) {
    context.out.line(text.replace(/\n$/, ''));
    return EXIT_OK;
  }
  await writeFileAtomic(options.output, text);
  context.out.line(
    `Exported ${snapshots.length} favorite${snapshots.length === 1 ? '' : 's'} to ${options.output}`,
  );
  return EXIT_OK;
}
