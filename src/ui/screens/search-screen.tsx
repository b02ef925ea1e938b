// Search: an incremental query over titles and text of cached items and favorites.
import { Box, Text } from 'ink';
import type { KeyBinding } from '../../keymap/key-table.js';
import { labels } from '../../app/labels.js';
import { formatItemRow, plainRow } from '../../app/rows.js';
import { favoriteIds, listHeight, listWindow, searchHits } from '../../app/selectors.js';
import type { AppState, SearchScreen as SearchScreenState } from '../../app/state.js';
import { displayWidth, truncateToWidth } from '../../app/text-fit.js';
import { HintLine } from '../components/hint-line.js';
import { ListView, type ListRow } from '../components/list-view.js';
import { StatusLine } from '../components/status-line.js';
import type { Theme } from '../theme.js';

export interface SearchScreenProps {
  readonly state: AppState;
  readonly screen: SearchScreenState;
  readonly bindings: readonly KeyBinding[];
  readonly theme: Theme;
}

/** Keeps the end of the query visible when it is longer than the field. */
function tailToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const chars = [...text];
  let out = '';
  for (let i = chars.length - 1; i >= 0; i--) {
    if (displayWidth(chars[i] + out) > width - 1) break;
    out = chars[i] + out;
  }
  return `…${out}`;
}

export function SearchScreen({ state, screen, bindings, theme }: SearchScreenProps) {
  const t = labels(state.lang);
  const { columns } = state.viewport;
  const hits = searchHits(state, screen.query);
  const height = listHeight(state, 'search');
  const window = listWindow(hits.length, screen, height);
  const favorites = favoriteIds(state);
  const context = { width: columns, now: state.now, lang: state.lang, marks: theme.marks };
  const rows: ListRow[] = [];
  for (let i = window.start; i < window.end; i++) {
    const hit = hits[i]!;
    const isRead = state.readIds.has(hit.id) || hit.isFavoriteOnly;
    rows.push({
      key: hit.id,
      text: formatItemRow(
        {
          title: hit.title,
          source: hit.source,
          published: hit.published,
          isRead,
          isFavorite: favorites.has(hit.id),
        },
        i === window.cursor,
        context,
      ),
      isCursor: i === window.cursor,
      isBold: !isRead,
    });
  }
  const prompt = `${t.searchTitle} › `;
  const query = tailToWidth(screen.query, Math.max(1, columns - displayWidth(prompt) - 1));
  const summary =
    screen.query.trim() === ''
      ? t.typeToSearch
      : hits.length === 0
        ? t.emptySearch
        : t.results(hits.length);
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold color={theme.accent}>
          {truncateToWidth(prompt, columns)}
        </Text>
        <Text>{query}</Text>
        <Text inverse> </Text>
      </Text>
      <Text color={theme.muted}>{plainRow(summary, columns)}</Text>
      <ListView rows={rows} height={height} isFocused theme={theme} />
      <StatusLine state={state} width={columns} theme={theme} />
      <HintLine
        bindings={bindings}
        screen="search"
        lang={state.lang}
        width={columns}
        theme={theme}
      />
    </Box>
  );
}
