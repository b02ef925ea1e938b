// A bar of tabs (channels or regions): a short title, then the tabs laid out to the width.
import { memo } from 'react';
import { Text } from 'ink';
import { layoutTabStrip } from '../../app/tab-strip.js';
import { displayWidth, truncateToWidth } from '../../app/text-fit.js';
import type { Theme } from '../theme.js';

export interface TabBarProps {
  readonly title: string;
  readonly labels: readonly string[];
  readonly selected: number;
  /** True when this bar has the keyboard: the selected tab is drawn inverse. */
  readonly isFocused: boolean;
  readonly width: number;
  readonly theme: Theme;
}

/** One line: `频道  全部  [国内]  国际 …`. Memoized: redrawn only when its props change. */
export const TabBar = memo(function TabBar({
  title,
  labels,
  selected,
  isFocused,
  width,
  theme,
}: TabBarProps) {
  const head = truncateToWidth(`${title} `, width);
  const segments = layoutTabStrip(labels, selected, width - displayWidth(head));
  return (
    <Text>
      <Text color={theme.muted} bold={isFocused}>
        {head}
      </Text>
      {segments.map((segment, index) =>
        segment.isSelected ? (
          <Text
            key={index}
            inverse={isFocused}
            bold
            color={isFocused ? undefined : theme.accent}
            underline={!isFocused}
          >
            {segment.text}
          </Text>
        ) : (
          <Text key={index}>{segment.text}</Text>
        ),
      )}
    </Text>
  );
});
