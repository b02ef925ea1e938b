// Feed errors: which feeds failed on the last refresh and why.
import { Box, Text } from 'ink';
import type { KeyBinding } from '../../keymap/key-table.js';
import { labels } from '../../app/labels.js';
import { plainRow } from '../../app/rows.js';
import { feedErrors, listHeight, listWindow } from '../../app/selectors.js';
import type { AppState, ErrorsScreen } from '../../app/state.js';
import { HintLine } from '../components/hint-line.js';
import { ListView, type ListRow } from '../components/list-view.js';
import { StatusLine } from '../components/status-line.js';
import type { Theme } from '../theme.js';

export interface FeedErrorsScreenProps {
  readonly state: AppState;
  readonly screen: ErrorsScreen;
  readonly bindings: readonly KeyBinding[];
  readonly theme: Theme;
}

export function FeedErrorsScreen({ state, screen, bindings, theme }: FeedErrorsScreenProps) {
  const t = labels(state.lang);
  const { columns } = state.viewport;
  const errors = feedErrors(state);
  const height = listHeight(state, 'errors');
  const window = listWindow(errors.length, screen, height);
  const rows: ListRow[] = [];
  for (let i = window.start; i < window.end; i++) {
    const feed = errors[i]!;
    const isCursor = i === window.cursor;
    const text = `${isCursor ? theme.marks.cursor : ' '} ✗ ${feed.title} — ${feed.error ?? ''} (${feed.url})`;
    rows.push({
      key: feed.url,
      text: { main: plainRow(text, columns), tail: '' },
      isCursor,
      isBold: false,
    });
  }
  return (
    <Box flexDirection="column">
      <Text bold color={theme.accent}>
        {plainRow(`${t.errorsTitle} (${errors.length})`, columns)}
      </Text>
      {rows.length === 0 ? (
        <Box height={height}>
          <Text color={theme.muted}>{plainRow(` ${t.noErrors}`, columns)}</Text>
        </Box>
      ) : (
        <ListView rows={rows} height={height} isFocused theme={theme} />
      )}
      <StatusLine state={state} width={columns} theme={theme} />
      <HintLine
        bindings={bindings}
        screen="errors"
        lang={state.lang}
        width={columns}
        theme={theme}
      />
    </Box>
  );
}
