// `tidings fav rm ID`: removes a saved article (its snapshot file and index entry).
import { sanitizeLine } from '../core/feeds/sanitize.js';
import { type CommandContext, EXIT_OK, UsageError } from './context.js';
import { openFavorites } from './open-favorites.js';

export interface FavRemoveCommandOptions {
  readonly id: string;
}

/** Runs `tidings fav rm`. */
export async function runFavRemove(
  context: CommandContext,
  options: FavRemoveCommandOptions,
): Promise<number> {
  const store = await openFavorites(context);
  const entry = await store.entry(options.id);
  if (!(await store.remove(options.id))) {
    throw new UsageError(`not a favorite: ${sanitizeLine(options.id)} (see tidings fav list)`);
  }
  context.out.line(
    `Removed favorite ${sanitizeLine(options.id)}${entry === null ? '' : `: ${entry.title}`}`,
  );
  return EXIT_OK;
}
