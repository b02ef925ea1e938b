// The page bar under an article: `‹ 1 2 [3] 4 ›`, windowed with `…` when there are many pages.
// Pure; no react/ink.
import { displayWidth } from './text-fit.js';

/** The page bar for page `index` (0-based) of `count`, at most `width` columns. */
export function pageBar(index: number, count: number, width: number): string {
  const label = (i: number): string => (i === index ? `[${i + 1}]` : String(i + 1));
  const render = (pages: number[]): string => {
    const parts: string[] = [];
    pages.forEach((page, k) => {
      if (k > 0 && page - pages[k - 1]! > 1) parts.push('…');
      parts.push(label(page));
    });
    return `‹ ${parts.join(' ')} ›`;
  };
  const all = Array.from({ length: count }, (_, i) => i);
  let text = render(all);
  if (displayWidth(text) <= width) return text;
  // Keep the first, the last and a shrinking neighbourhood of the current page.
  for (let radius = 3; radius >= 0; radius--) {
    const pages = all.filter((i) => i === 0 || i === count - 1 || Math.abs(i - index) <= radius);
    text = render(pages);
    if (displayWidth(text) <= width) return text;
  }
  return `[${index + 1}]/${count}`;
}
