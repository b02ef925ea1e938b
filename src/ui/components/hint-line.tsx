// The key-hint line, generated from the key table for the current screen.
import { memo } from 'react';
import { Text } from 'ink';
import type { KeyBinding } from '../../keymap/key-table.js';
import { hintLine } from '../../keymap/help-text.js';
import type { Lang } from '../../app/state.js';
import type { Theme } from '../theme.js';

export interface HintLineProps {
  readonly bindings: readonly KeyBinding[];
  readonly screen: 'home' | 'article' | 'favorites' | 'search' | 'errors';
  readonly lang: Lang;
  readonly width: number;
  readonly theme: Theme;
}

/** As many `key label` hints as fit the width, most important first. Memoized on its props. */
export const HintLine = memo(function HintLine({
  bindings,
  screen,
  lang,
  width,
  theme,
}: HintLineProps) {
  return <Text color={theme.muted}>{hintLine(bindings, screen, lang, width)}</Text>;
});
