// The root component: wiring only. State comes from the store, keys go through the one keyboard
// hook to the controller, the size through the one size hook; each screen draws itself.
import { Text } from 'ink';
import type { Controller } from '../app/controller.js';
import { labels } from '../app/labels.js';
import { currentScreen } from '../app/selectors.js';
import type { Store } from '../app/store.js';
import type { KeyBinding } from '../keymap/key-table.js';
import type { Context } from '../keymap/operations.js';
import { useAppState } from './hooks/use-app-state.js';
import { useKeyboard } from './hooks/use-keyboard.js';
import { useTerminalSize, type SizedStream } from './hooks/use-terminal-size.js';
import { ArticleScreen } from './screens/article-screen.js';
import { FavoritesScreen } from './screens/favorites-screen.js';
import { FeedErrorsScreen } from './screens/feed-errors-screen.js';
import { HelpOverlay } from './screens/help-overlay.js';
import { HomeScreen } from './screens/home-screen.js';
import { SearchScreen } from './screens/search-screen.js';
import type { Theme } from './theme.js';

export interface AppProps {
  readonly store: Store;
  readonly controller: Controller;
  readonly bindings: readonly KeyBinding[];
  readonly theme: Theme;
  /** The terminal the app draws on; only its size and `resize` events are read. */
  readonly stdout: SizedStream;
}

/** Below this the screens cannot lay out; a one-line message is shown instead. */
const MIN_COLUMNS = 20;
const MIN_ROWS = 6;

export function App({ store, controller, bindings, theme, stdout }: AppProps) {
  const state = useAppState(store);
  const screen = currentScreen(state);
  const context: Context = screen.kind;
  useKeyboard(bindings, { screen: context, isHelpOpen: state.isHelpOpen }, controller);
  useTerminalSize(stdout, controller.resize);
  const { columns, rows } = state.viewport;
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
    return (
      <Text>{labels(state.lang).tooSmall.slice(0, Math.max(1, Math.floor(columns / 2)))}</Text>
    );
  }
  if (state.isHelpOpen) return <HelpOverlay state={state} bindings={bindings} theme={theme} />;
  switch (screen.kind) {
    case 'home':
      return <HomeScreen state={state} bindings={bindings} theme={theme} />;
    case 'article':
      return <ArticleScreen state={state} screen={screen} bindings={bindings} theme={theme} />;
    case 'favorites':
      return <FavoritesScreen state={state} screen={screen} bindings={bindings} theme={theme} />;
    case 'search':
      return <SearchScreen state={state} screen={screen} bindings={bindings} theme={theme} />;
    case 'errors':
      return <FeedErrorsScreen state={state} screen={screen} bindings={bindings} theme={theme} />;
  }
}
