// The help overlay's text, generated from the key table: a heading per context and one line per
// binding, laid out to the width. Pure; no react/ink.
import type { KeyBinding } from '../keymap/key-table.js';
import { helpSections } from '../keymap/help-text.js';
import type { Lang } from './state.js';
import { displayWidth, fitToWidth } from './text-fit.js';

export interface HelpLine {
  readonly text: string;
  readonly isHeading: boolean;
}

/** Every line of the help, each exactly `width` columns. */
export function helpLines(bindings: readonly KeyBinding[], lang: Lang, width: number): HelpLine[] {
  const sections = helpSections(bindings, lang);
  const keyWidth = Math.min(
    Math.max(...sections.flatMap((s) => s.rows.map((r) => displayWidth(r.keys)))),
    Math.floor(width / 3),
  );
  const lines: HelpLine[] = [];
  for (const section of sections) {
    if (lines.length > 0) lines.push({ text: ' '.repeat(width), isHeading: false });
    lines.push({ text: fitToWidth(section.title, width), isHeading: true });
    for (const row of section.rows) {
      lines.push({
        text: fitToWidth(`  ${fitToWidth(row.keys, keyWidth)}  ${row.text}`, width),
        isHeading: false,
      });
    }
  }
  return lines;
}
