// Laying out a bar of tabs (channels or regions) in a fixed number of columns: the selected tab
// always visible, `‹`/`›` where tabs are cut off. Pure; no react/ink.
import { displayWidth, truncateToWidth } from './text-fit.js';

/** A piece of a laid-out tab bar; `isSelected` marks the selected tab's text. */
export interface StripSegment {
  readonly text: string;
  readonly isSelected: boolean;
}

const GAP = ' ';

/**
 * Lays out tabs as ` label ` cells in `width` columns, scrolled so the selected one shows. The
 * total width of the segments never exceeds `width`.
 */
export function layoutTabStrip(
  labels: readonly string[],
  selected: number,
  width: number,
): StripSegment[] {
  if (width <= 0 || labels.length === 0) return [];
  const cells = labels.map((label) => ` ${truncateToWidth(label, Math.max(1, width - 4))} `);
  const widths = cells.map((cell) => displayWidth(cell));
  const total = widths.reduce((a, b) => a + b, 0) + GAP.length * (cells.length - 1);
  let first = 0;
  let last = cells.length - 1;
  if (total > width) {
    // Grow a window around the selected tab while it fits, leaving room for the arrows.
    first = selected;
    last = selected;
    let used = widths[selected] ?? 0;
    const room = width - 4;
    for (let grew = true; grew;) {
      grew = false;
      const right = (widths[last + 1] ?? Infinity) + GAP.length;
      if (last + 1 < cells.length && used + right <= room) {
        last += 1;
        used += right;
        grew = true;
      }
      const left = (widths[first - 1] ?? Infinity) + GAP.length;
      if (first > 0 && used + left <= room) {
        first -= 1;
        used += left;
        grew = true;
      }
    }
  }
  const segments: StripSegment[] = [];
  if (first > 0) segments.push({ text: '‹ ', isSelected: false });
  for (let i = first; i <= last; i++) {
    if (i > first) segments.push({ text: GAP, isSelected: false });
    segments.push({ text: cells[i]!, isSelected: i === selected });
  }
  if (last < cells.length - 1) segments.push({ text: ' ›', isSelected: false });
  return segments;
}
