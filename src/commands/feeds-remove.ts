// `tidings feeds rm URL`: removes a feed from every channel and region of the user's catalog.
import { CatalogEditError, removeFeed } from '../core/catalog/edit-catalog.js';
import { updateUserCatalog } from '../core/catalog/load-catalog.js';
import { type CommandContext, EXIT_OK, UsageError } from './context.js';

export interface FeedsRemoveCommandOptions {
  readonly url: string;
}

/** Runs `tidings feeds rm`; the catalog is re-read under a lock and written atomically. */
export async function runFeedsRemove(
  context: CommandContext,
  options: FeedsRemoveCommandOptions,
): Promise<number> {
  if (context.demoCatalog !== null) {
    throw new UsageError('the demo edition is read-only: edit your own catalog without --demo');
  }
  try {
    const result = await updateUserCatalog(context.paths, (current) =>
      removeFeed(current, options.url),
    );
    const groups = [...result.channels, ...result.regions.map((id) => `region ${id}`)];
    context.out.line(`Removed ${options.url.trim()} from ${groups.join(', ')} in ${result.file}`);
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CatalogEditError) throw new UsageError(error.message);
    throw error;
  }
}
