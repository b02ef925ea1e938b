// `tidings fav list [--search TEXT] [--json]`: saved articles, newest saved first (offline).
import { blocksToPlainText } from '../core/articles/html-to-blocks.js';
import type { FavoriteEntry } from '../core/storage/favorites-store.js';
import { type CommandContext, EXIT_OK } from './context.js';
import { formatLocalTime } from './format.js';
import { openFavorites } from './open-favorites.js';

export interface FavListCommandOptions {
  /** Matches title, source, link and tags, then the saved text. */
  readonly search: string | null;
  readonly isJson: boolean;
}

const fold = (text: string): string => text.normalize('NFKC').toLocaleLowerCase();

/** Runs `tidings fav list`. */
export async function runFavList(
  context: CommandContext,
  options: FavListCommandOptions,
): Promise<number> {
  const store = await openFavorites(context);
  const all = await store.list();
  let rows: readonly FavoriteEntry[] = all;
  if (options.search !== null) {
    const needle = fold(options.search);
    const matches: FavoriteEntry[] = [];
    for (const entry of all) {
      const fields = [entry.title, entry.source, entry.link ?? '', ...entry.tags].join('\n');
      if (fold(fields).includes(needle)) {
        matches.push(entry);
        continue;
      }
      // The index holds no text; the snapshot does (read only when the index fields miss).
      const snapshot = await store.get(entry.id);
      if (snapshot !== null && fold(blocksToPlainText(snapshot.article.blocks)).includes(needle)) {
        matches.push(entry);
      }
    }
    rows = matches;
  }
  if (options.isJson) {
    context.out.json(rows);
    return EXIT_OK;
  }
  if (rows.length === 0) {
    context.out.line(
      all.length === 0
        ? 'No favorites yet: save one with `tidings fav add ID`.'
        : 'No favorites match.',
    );
    return EXIT_OK;
  }
  for (const row of rows) {
    const tags = row.tags.length === 0 ? '' : `  [${row.tags.join(', ')}]`;
    context.out.line(
      `${formatLocalTime(row.savedAt)}  ${row.id}  ${row.title}  · ${row.source}${tags}`,
    );
  }
  return EXIT_OK;
}
