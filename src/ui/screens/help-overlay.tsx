// The help overlay: every binding of the key table for the screens, generated, scrollable.
import { Box, Text } from 'ink';
import type { KeyBinding } from '../../keymap/key-table.js';
import { helpLines } from '../../app/help-lines.js';
import { labels } from '../../app/labels.js';
import { plainRow } from '../../app/rows.js';
import type { AppState } from '../../app/state.js';
import type { Theme } from '../theme.js';

export interface HelpOverlayProps {
  readonly state: AppState;
  readonly bindings: readonly KeyBinding[];
  readonly theme: Theme;
}

export function HelpOverlay({ state, bindings, theme }: HelpOverlayProps) {
  const t = labels(state.lang);
  const { columns, rows } = state.viewport;
  const lines = helpLines(bindings, state.lang, columns);
  const height = Math.max(1, rows - 3);
  const top = Math.max(0, Math.min(state.helpTop, lines.length - height));
  return (
    <Box flexDirection="column">
      <Text bold color={theme.accent}>
        {plainRow(`${t.helpTitle} — ${t.helpClose}`, columns)}
      </Text>
      <Box flexDirection="column" height={height}>
        {lines.slice(top, top + height).map((line, index) => (
          <Text
            key={top + index}
            bold={line.isHeading}
            color={line.isHeading ? theme.accent : undefined}
          >
            {line.text}
          </Text>
        ))}
      </Box>
      <Text color={theme.muted}>
        {plainRow(
          `${Math.min(lines.length, top + height)}/${lines.length}  j/k ↑↓ Space/b`,
          columns,
        )}
      </Text>
    </Box>
  );
}
