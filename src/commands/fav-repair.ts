// `tidings fav repair`: rebuilds the favorites index from the snapshot files.
import { type CommandContext, EXIT_OK } from './context.js';
import { openFavorites } from './open-favorites.js';

export interface FavRepairCommandOptions {
  readonly isJson: boolean;
}

/** Runs `tidings fav repair`. Corrupt snapshots are reported (stderr) as they are moved aside. */
export async function runFavRepair(
  context: CommandContext,
  options: FavRepairCommandOptions,
): Promise<number> {
  const store = await openFavorites(context);
  const report = await store.repair();
  if (options.isJson) {
    context.out.json(report);
    return EXIT_OK;
  }
  context.out.line(
    `Favorites index rebuilt from ${store.directory}: ${report.kept} favorite${report.kept === 1 ? '' : 's'} (${report.indexedBefore} indexed before).`,
  );
  if (report.recovered.length > 0) {
    context.out.line(`Recovered (on disk, missing from the index): ${report.recovered.join(', ')}`);
  }
  if (report.dropped.length > 0) {
    context.out.line(`Dropped (indexed, no snapshot file): ${report.dropped.join(', ')}`);
  }
  for (const notice of report.quarantined)
    context.out.line(`Moved aside: ${notice.path} → ${notice.movedTo}`);
  if (report.removedTempFiles > 0) {
    context.out.line(`Deleted ${report.removedTempFiles} temp file(s) of interrupted writes.`);
  }
  return EXIT_OK;
}
