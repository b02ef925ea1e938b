// The side panel beside the home list: 今日热词 and 点击排行.
import { Box, Text } from 'ink';
import { panelLines } from '../../app/panel-lines.js';
import type { AppState } from '../../app/state.js';
import type { Theme } from '../theme.js';

export interface SidePanelProps {
  readonly state: AppState;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

/** Hot words and most read, one `<Text>` per finished line. */
export function SidePanel({ state, width, height, theme }: SidePanelProps) {
  return (
    <Box flexDirection="column" width={width} height={height}>
      {panelLines(state, width, height).map((line, index) => (
        <Text key={index} bold={line.isHeading} color={line.isHeading ? theme.accent : undefined}>
          {line.text}
        </Text>
      ))}
    </Box>
  );
}
