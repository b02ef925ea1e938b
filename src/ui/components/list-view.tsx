// A windowed list: renders only the rows on screen (Ink re-serialises the whole tree every frame,
// so 5,000 rendered rows cost ~850 ms per keypress; a window costs a few ms).
import { memo } from 'react';
import { Box, Text } from 'ink';
import type { ListRow } from '../../app/rows.js';
import type { Theme } from '../theme.js';

/** One visible row, already laid out to the list's width. */
export type { ListRow };

export interface ListViewProps {
  readonly rows: readonly ListRow[];
  /** Rows the list occupies; missing rows are left blank so the layout below stays put. */
  readonly height: number;
  /** True when the list has the keyboard: the cursor row is drawn inverse. */
  readonly isFocused: boolean;
  readonly theme: Theme;
}

/**
 * The visible rows of a list, each one `<Text>` that fits its width. Memoized: a state change that
 * leaves the rows as they were (the same array) does not re-render them.
 */
export const ListView = memo(function ListView({ rows, height, isFocused, theme }: ListViewProps) {
  return (
    <Box flexDirection="column" height={height}>
      {rows.map((row) => (
        <Text
          key={row.key}
          inverse={row.isCursor && isFocused}
          bold={row.isBold}
          dimColor={row.isMuted === true}
        >
          {row.text.main}
          {row.text.tail === '' ? null : (
            <Text color={row.isCursor && isFocused ? undefined : theme.muted}>{row.text.tail}</Text>
          )}
        </Text>
      ))}
    </Box>
  );
});
