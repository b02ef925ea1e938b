// Home: the channel bar, the region bar, the article list of the selection (windowed), an
// optional side panel, the status line and the key hints. At most rows - 1 lines.
import { Box, Text } from 'ink';
import type { KeyBinding } from '../../keymap/key-table.js';
import { labels } from '../../app/labels.js';
import { formatItemRow, plainRow } from '../../app/rows.js';
import {
  channelTabs,
  favoriteIds,
  homeItems,
  homeScreen,
  listHeight,
  listWindow,
  regionTabs,
} from '../../app/selectors.js';
import type { AppState } from '../../app/state.js';
import { HintLine } from '../components/hint-line.js';
import { ListView, type ListRow } from '../components/list-view.js';
import { SidePanel } from '../components/side-panel.js';
import { StatusLine } from '../components/status-line.js';
import { TabBar } from '../components/tab-bar.js';
import type { Theme } from '../theme.js';

export interface HomeScreenProps {
  readonly state: AppState;
  readonly bindings: readonly KeyBinding[];
  readonly theme: Theme;
}

/** The panel takes this many columns when open; below 70 columns it replaces the list. */
const PANEL_WIDTH = 28;

export function HomeScreen({ state, bindings, theme }: HomeScreenProps) {
  const t = labels(state.lang);
  const { columns } = state.viewport;
  const home = homeScreen(state);
  const items = homeItems(state);
  const height = listHeight(state, 'home');
  const isPanelBeside = state.isPanelOpen && columns >= 70;
  const isPanelInstead = state.isPanelOpen && !isPanelBeside;
  const listWidth = isPanelBeside ? columns - PANEL_WIDTH - 1 : columns;
  const window = listWindow(items.length, home, height);
  const favorites = favoriteIds(state);
  const context = { width: listWidth, now: state.now, lang: state.lang, marks: theme.marks };
  const rows: ListRow[] = [];
  for (let i = window.start; i < window.end; i++) {
    const item = items[i]!;
    const isRead = state.readIds.has(item.id);
    const isCursor = i === window.cursor;
    rows.push({
      key: item.id,
      text: formatItemRow(
        {
          title: item.title,
          source: item.source,
          published: item.published,
          isRead,
          isFavorite: favorites.has(item.id),
        },
        isCursor && home.focus === 'list',
        context,
      ),
      isCursor,
      isBold: !isRead,
    });
  }
  const empty = state.isLoadingCache
    ? t.loadingCache
    : state.items.length === 0
      ? t.emptyCache
      : t.emptyList;
  return (
    <Box flexDirection="column">
      <TabBar
        title={state.lang === 'zh' ? '频道' : 'Channel'}
        labels={channelTabs(state).map((tab) => tab.label)}
        selected={home.channel}
        isFocused={home.focus === 'channels'}
        width={columns}
        theme={theme}
      />
      <TabBar
        title={state.lang === 'zh' ? '地区' : 'Region '}
        labels={regionTabs(state).map((tab) => tab.label)}
        selected={home.region}
        isFocused={home.focus === 'regions'}
        width={columns}
        theme={theme}
      />
      <Box flexDirection="row" height={height}>
        {isPanelInstead ? null : rows.length === 0 ? (
          <Box width={listWidth} height={height}>
            <Text color={theme.muted}>{plainRow(` ${empty}`, listWidth)}</Text>
          </Box>
        ) : (
          <Box width={listWidth}>
            <ListView rows={rows} height={height} isFocused={home.focus === 'list'} theme={theme} />
          </Box>
        )}
        {isPanelBeside ? <Text> </Text> : null}
        {state.isPanelOpen ? (
          <SidePanel
            state={state}
            width={isPanelBeside ? PANEL_WIDTH : columns}
            height={height}
            theme={theme}
          />
        ) : null}
      </Box>
      <StatusLine state={state} width={columns} theme={theme} />
      <HintLine bindings={bindings} screen="home" lang={state.lang} width={columns} theme={theme} />
    </Box>
  );
}
