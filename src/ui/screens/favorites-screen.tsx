// Favorites: saved articles, newest saved first; they open from their snapshots, offline.
import { Box, Text } from 'ink';
import type { KeyBinding } from '../../keymap/key-table.js';
import { labels } from '../../app/labels.js';
import { formatItemRow, plainRow } from '../../app/rows.js';
import { listHeight, listWindow } from '../../app/selectors.js';
import type { AppState, FavoritesScreen as FavoritesScreenState } from '../../app/state.js';
import { HintLine } from '../components/hint-line.js';
import { ListView, type ListRow } from '../components/list-view.js';
import { StatusLine } from '../components/status-line.js';
import type { Theme } from '../theme.js';

export interface FavoritesScreenProps {
  readonly state: AppState;
  readonly screen: FavoritesScreenState;
  readonly bindings: readonly KeyBinding[];
  readonly theme: Theme;
}

export function FavoritesScreen({ state, screen, bindings, theme }: FavoritesScreenProps) {
  const t = labels(state.lang);
  const { columns } = state.viewport;
  const height = listHeight(state, 'favorites');
  const window = listWindow(state.favorites.length, screen, height);
  const context = { width: columns, now: state.now, lang: state.lang, marks: theme.marks };
  const rows: ListRow[] = [];
  for (let i = window.start; i < window.end; i++) {
    const fav = state.favorites[i]!;
    const isCursor = i === window.cursor;
    rows.push({
      key: fav.id,
      text: formatItemRow(
        {
          title: fav.title,
          source: fav.source,
          published: fav.published,
          isRead: true,
          isFavorite: true,
        },
        isCursor,
        context,
      ),
      isCursor,
      isBold: false,
    });
  }
  return (
    <Box flexDirection="column">
      <Text bold color={theme.accent}>
        {plainRow(`${t.favoritesTitle} (${state.favorites.length})`, columns)}
      </Text>
      {rows.length === 0 ? (
        <Box height={height}>
          <Text color={theme.muted}>{plainRow(` ${t.emptyFavorites}`, columns)}</Text>
        </Box>
      ) : (
        <ListView rows={rows} height={height} isFocused theme={theme} />
      )}
      <StatusLine state={state} width={columns} theme={theme} />
      <HintLine
        bindings={bindings}
        screen="favorites"
        lang={state.lang}
        width={columns}
        theme={theme}
      />
    </Box>
  );
}
