// Turns Ink's laid-out tree into the frame's lines, as Ink 6.8's own output stage would draw them,
// but in O(changed text) instead of O(screen cells): Ink re-tokenises every character of every
// line into styled-cell objects on every frame (~10–25 ms for a 100×40 CJK screen here); this
// keeps each text line as the SGR string Ink's <Text> already produced and caches its width.
// It supports what the reader draws (boxes without borders or backgrounds, nested <Text>); for
// anything else it throws UnsupportedTree and the caller hands the frame back to Ink.
import type { DOMElement } from 'ink';
import { displayWidth } from '../app/text-fit.js';

/** The tree uses something only Ink's own output stage draws (borders, backgrounds, <Static>…). */
export class UnsupportedTree extends Error {}

type DomNode = DOMElement['childNodes'][number];
type Transformer = (line: string, index: number) => string;

/** Yoga's DISPLAY_NONE (yoga-layout 3). */
const DISPLAY_NONE = 1;

/** Any escape sequence: CSI, OSC (BEL- or ST-terminated, or cut off), or a two-byte one. */
const ESCAPE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_]?)/g;
const SGR = /^\x1b\[[0-9;:]*m$/;
const SGR_RESET = '\x1b[0m';
const SGR_ALL = /\x1b\[[0-9;:]*m/g;

/** Drops escape sequences other than SGR, as Ink does for text (sanitize-ansi.js). */
function keepSgrOnly(text: string): string {
  if (!text.includes('\x1b')) return text;
  return text.replace(ESCAPE, (match) => (SGR.test(match) ? match : ''));
}

/** A bounded cache: cleared when full (frames reuse a small working set of lines). */
class WidthCache {
  readonly #map = new Map<string, number>();
  constructor(readonly limit: number) {}
  width(text: string): number {
    let width = this.#map.get(text);
    if (width === undefined) {
      // The app's measure (its East Asian Ambiguous setting included), on the text without SGR.
      width = displayWidth(text.includes('\x1b') ? text.replace(SGR_ALL, '') : text);
      if (this.#map.size >= this.limit) this.#map.clear();
      this.#map.set(text, width);
    }
    return width;
  }
}

const lineWidths = new WidthCache(4096);
const graphemeWidths = new WidthCache(4096);
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The first `width` columns of a line that may hold SGR codes, styles kept, padded with a space
 * where a wide character would straddle the edge, all styles reset at the end.
 */
export function sliceStyled(line: string, width: number): string {
  let out = '';
  let used = 0;
  let hasStyle = false;
  for (const part of line.split(/(\x1b\[[0-9;:]*m)/)) {
    if (part === '') continue;
    if (part.startsWith('\x1b[')) {
      out += part;
      hasStyle = true;
      continue;
    }
    for (const { segment } of segmenter.segment(part)) {
      const w = graphemeWidths.width(segment);
      if (used + w > width) {
        out += ' '.repeat(width - used);
        used = width;
        return hasStyle ? out + SGR_RESET : out;
      }
      out += segment;
      used += w;
    }
  }
  return hasStyle ? out + SGR_RESET : out;
}

interface Segment {
  readonly x: number;
  readonly text: string;
  readonly width: number;
}

/** What a render found that Ink would have drawn differently (tests assert there is none). */
export interface RenderStats {
  /** Text lines wider than their box, cut instead of wrapped. */
  clipped: number;
  /** Text drawn over other text on the same row. */
  overlapped: number;
}

function squash(node: DOMElement): string {
  let text = '';
  node.childNodes.forEach((child, index) => {
    let part = '';
    if (child.nodeName === '#text') part = child.nodeValue;
    else {
      if (child.nodeName === 'ink-text' || child.nodeName === 'ink-virtual-text')
        part = squash(child);
      if (part.length > 0 && child.internal_transform !== undefined)
        part = child.internal_transform(part, index);
    }
    text += part;
  });
  return keepSgrOnly(text);
}

function collect(
  node: DomNode,
  offsetX: number,
  offsetY: number,
  transformers: readonly Transformer[],
  rows: Segment[][],
  stats: RenderStats,
): void {
  const yoga = node.yogaNode;
  if (yoga === undefined) return;
  if (node.internal_static === true) throw new UnsupportedTree('<Static>');
  if (yoga.getDisplay() === DISPLAY_NONE) return;
  const x = offsetX + yoga.getComputedLeft();
  const y = offsetY + yoga.getComputedTop();
  if (node.nodeName === '#text') return;
  const own = node.internal_transform;
  const chain = own === undefined ? transformers : [own, ...transformers];
  if (node.nodeName === 'ink-text') {
    if (node.childNodes[0]?.yogaNode !== undefined) throw new UnsupportedTree('text offset');
    const text = squash(node);
    if (text.length === 0) return;
    const maxWidth = yoga.getComputedWidth();
    const lines = text.split('\n');
    for (let index = 0; index < lines.length; index++) {
      let line = lines[index]!;
      for (const transform of chain) line = transform(line, index);
      let width = lineWidths.width(line);
      if (width > maxWidth) {
        stats.clipped += 1;
        line = sliceStyled(line, Math.max(0, Math.floor(maxWidth)));
        width = lineWidths.width(line);
      }
      const row = rows[y + index];
      if (row !== undefined) row.push({ x, text: line, width });
    }
    return;
  }
  if (node.nodeName === 'ink-box') {
    const style = node.style;
    if (
      (style.borderStyle !== undefined && style.borderStyle !== null) ||
      style.backgroundColor !== undefined
    )
      throw new UnsupportedTree('box border or background');
  }
  for (const child of node.childNodes) collect(child, x, y, chain, rows, stats);
}

function composeRow(segments: readonly Segment[], stats: RenderStats): string {
  if (segments.length === 0) return '';
  if (segments.length === 1 && segments[0]!.x === 0) return segments[0]!.text.trimEnd();
  const sorted = [...segments].sort((a, b) => a.x - b.x);
  let out = '';
  let column = 0;
  for (let i = 0; i < sorted.length; i++) {
    const segment = sorted[i]!;
    if (segment.x < column) {
      stats.overlapped += 1;
      continue;
    }
    const next = sorted[i + 1];
    let { text, width } = segment;
    if (next !== undefined && segment.x + width > next.x) {
      stats.overlapped += 1;
      text = sliceStyled(text, next.x - segment.x);
      width = next.x - segment.x;
    }
    out += ' '.repeat(segment.x - column) + text;
    column = segment.x + width;
  }
  return out.trimEnd();
}

/** A rendered frame: one string per row (SGR codes kept, trailing blanks trimmed). */
export interface Frame {
  readonly lines: readonly string[];
  readonly stats: RenderStats;
}

/** Draws Ink's root node, laid out by Ink already, into lines. */
export function renderFrame(root: DOMElement): Frame {
  const stats: RenderStats = { clipped: 0, overlapped: 0 };
  if (root.staticNode !== undefined) throw new UnsupportedTree('<Static>');
  const height = Math.max(0, Math.round(root.yogaNode?.getComputedHeight() ?? 0));
  const rows: Segment[][] = Array.from({ length: height }, () => []);
  collect(root, 0, 0, [], rows, stats);
  return { lines: rows.map((segments) => composeRow(segments, stats)), stats };
}
