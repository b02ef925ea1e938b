// Home: the channel bar, the region bar, the article list of the selection (windowed), an
// optional side panel, the status line and the key hints. At most rows - 1 lines.
import { Box, Text } from 'ink';
import type { KeyBinding } from '../../keymap/key-table.js';
import { labels } from '../../app/labels.js';
import { plainRow } from '../../app/rows.js';
import {
  PANEL_WIDTH,
  channelLabels,
  homeLayout,
  homeRows,
  homeScreen,
  listHeight,
  regionLabels,
} from '../../app/selectors.js';
import type { AppState } from '../../app/state.js';
import { HintLine } from '../components/hint-line.js';
import { ListView } from '../components/list-view.js';
import { SidePanel } from '../components/side-panel.js';
import { StatusLine } from '../components/status-line.js';
import { TabBar } from '../components/tab-bar.js';
import type { Theme } from '../theme.js';

export interface HomeScreenProps {
  readonly state: AppState;
  readonly bindings: readonly KeyBinding[];
  readonly theme: Theme;
}

export function HomeScreen({ state, bindings, theme }: HomeScreenProps) {
  const t = labels(state.lang);
  const { columns } = state.viewport;
  const home = homeScreen(state);
  const height = listHeight(state, 'home');
  const { listWidth, isPanelBeside, isPanelInstead } = homeLayout(state);
  // Memoized in the selector: the same array (and so no list redraw) while the rows are the same.
  const rows = homeRows(state, theme.marks);
  const empty = state.isLoadingCache
    ? t.loadingCache
    : state.items.length === 0
      ? t.emptyCache
      : t.emptyList;
  return (
    <Box flexDirection="column">
      <TabBar
        title={state.lang === 'zh' ? '频道' : 'Channel'}
        labels={channelLabels(state)}
        selected={home.channel}
        isFocused={home.focus === 'channels'}
        width={columns}
        theme={theme}
      />
      <TabBar
        title={state.lang === 'zh' ? '地区' : 'Region '}
        labels={regionLabels(state)}
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
