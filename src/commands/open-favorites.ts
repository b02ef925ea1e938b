// Opens the favorites store for a command, printing each corrupt-file notice once to stderr.
import { FavoritesStore } from '../core/storage/favorites-store.js';
import type { CommandContext } from './context.js';

/** The favorites store of this run's data home. */
export async function openFavorites(context: CommandContext): Promise<FavoritesStore> {
  return FavoritesStore.open({
    paths: context.paths,
    now: context.now,
    onNotice: (notice) => context.out.error(`tidings: ${notice.message}`),
  });
}
