// The laid-out lines of an article, kept compactly: each line is a row of numbers in typed arrays
// (which text, which span of it, its lead, padding, width, kind, positions), and becomes a
// `LayoutLine` object only when asked for (the page shown). Pure; decides nothing about layout.
//
// Why: a million-character article has tens of thousands of lines; as objects and strings they
// were megabytes for the garbage collector to copy out of the young generation on every layout.
import { ChunkedList } from './chunked-list.js';
import type { LayoutLine, LineKind } from './layout-article.js';

const KINDS: readonly LineKind[] = [
  'heading',
  'text',
  'list',
  'quote',
  'code',
  'table',
  'image',
  'caption',
  'rule',
  'link',
  'notice',
  'blank',
];
const KIND_CODE = new Map(KINDS.map((kind, index) => [kind, index]));
const BLANK = KIND_CODE.get('blank') ?? 11;
const HEADING = KIND_CODE.get('heading') ?? 0;
const KEEP_WITH_NEXT = 1;
/** Fields per line in the numbers array. */
const FIELDS = 8;
const TEXT = 0;
const START = 1;
const STOP = 2;
const LEAD = 3;
const PAD = 4;
const WIDTH = 5;
const OFFSET = 6;
const END = 7;

/**
 * Lines stored as numbers: line `i` is `lead + ' '.repeat(pad) + text.slice(start, stop)`. Append
 * only. {@link LineStore.line} and {@link LineStore.slice} make `LayoutLine` objects on demand.
 */
export class LineStore {
  private numbers: Int32Array;
  private kinds: Uint8Array;
  private levels: Uint8Array;
  private flags: Uint8Array;
  /** The texts lines are spans of (one per text unit, or a line's own text). */
  private readonly texts = new ChunkedList<string>();
  /** What each text is read after (a paragraph's indent): spans count it as part of the text. */
  private readonly prefixes = new ChunkedList<string>();
  private readonly leads: string[] = [''];
  private readonly leadIndex = new Map<string, number>([['', 0]]);
  private count = 0;
  private materialized: LayoutLine[] | null = null;

  /** `capacity`: how many lines to make room for at once (a good guess saves regrowing). */
  constructor(capacity = 256) {
    const size = Number.isFinite(capacity) ? Math.max(16, Math.ceil(capacity)) : 256;
    this.numbers = new Int32Array(FIELDS * size);
    this.kinds = new Uint8Array(size);
    this.levels = new Uint8Array(size);
    this.flags = new Uint8Array(size);
  }

  /** Number of lines. */
  get length(): number {
    return this.count;
  }

  /**
   * Registers a text that lines will be spans of, as `prefix + text` (kept apart, so no joined
   * copy is kept); returns its reference for {@link push}.
   */
  addText(text: string, prefix = ''): number {
    this.prefixes.push(prefix);
    return this.texts.push(text);
  }

  /** `(prefix + text).slice(start, stop)` of text `ref`. */
  private span(ref: number, start: number, stop: number): string {
    const text = this.texts.get(ref) ?? '';
    const prefix = this.prefixes.get(ref) ?? '';
    const p = prefix.length;
    if (p === 0) return text.slice(start, stop);
    const head = start < p ? prefix.slice(start, Math.min(stop, p)) : '';
    return stop <= p ? head : head + text.slice(Math.max(0, start - p), stop - p);
  }

  private leadRef(lead: string): number {
    let ref = this.leadIndex.get(lead);
    if (ref === undefined) {
      ref = this.leads.length;
      this.leads.push(lead);
      this.leadIndex.set(lead, ref);
    }
    return ref;
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const numbers = new Int32Array(FIELDS * size);
    numbers.set(this.numbers);
    this.numbers = numbers;
    for (const key of ['kinds', 'levels', 'flags'] as const) {
      const bytes = new Uint8Array(size);
      bytes.set(this[key]);
      this[key] = bytes;
    }
  }

  /**
   * Appends a line: `lead`, `pad` spaces, then `texts[text].slice(start, stop)` (`text` -1 for
   * none); `width` is the display width of the whole line. `level` 0 for none.
   */
  push(
    text: number,
    start: number,
    stop: number,
    lead: string,
    pad: number,
    width: number,
    kind: LineKind,
    offset: number,
    end: number,
    level = 0,
  ): void {
    if (this.count === this.kinds.length) this.grow();
    const i = this.count;
    const at = i * FIELDS;
    const numbers = this.numbers;
    numbers[at + TEXT] = text;
    numbers[at + START] = start;
    numbers[at + STOP] = stop;
    numbers[at + LEAD] = lead === '' ? 0 : this.leadRef(lead);
    numbers[at + PAD] = pad;
    numbers[at + WIDTH] = width;
    numbers[at + OFFSET] = offset;
    numbers[at + END] = end;
    this.kinds[i] = KIND_CODE.get(kind) ?? BLANK;
    this.levels[i] = level;
    this.flags[i] = 0;
    this.count = i + 1;
    this.materialized = null;
  }

  /** Appends a line given as an object (its text kept whole). */
  pushLine(line: LayoutLine): void {
    this.push(
      line.text === '' ? -1 : this.addText(line.text),
      0,
      line.text.length,
      '',
      0,
      line.width,
      line.kind,
      line.offset,
      line.end,
      line.level ?? 0,
    );
    if (line.keepWithNext === true) this.flags[this.count - 1] = KEEP_WITH_NEXT;
  }

  /** Marks lines `[from, length)` as not to end a page. */
  keepWithNextFrom(from: number): void {
    for (let i = Math.max(0, from); i < this.count; i += 1) this.flags[i] = KEEP_WITH_NEXT;
    this.materialized = null;
  }

  kindAt(i: number): LineKind {
    return KINDS[this.kinds[i] ?? BLANK] ?? 'blank';
  }

  isBlank(i: number): boolean {
    return this.kinds[i] === BLANK;
  }

  /** A heading, or a line marked to be kept with the next: what must not end a page. */
  mustNotEndPage(i: number): boolean {
    return i < this.count && (this.kinds[i] === HEADING || this.flags[i] === KEEP_WITH_NEXT);
  }

  offsetAt(i: number): number {
    return this.numbers[i * FIELDS + OFFSET] ?? 0;
  }

  endAt(i: number): number {
    return this.numbers[i * FIELDS + END] ?? 0;
  }

  /** Line `i` as an object (undefined past the end). */
  line(i: number): LayoutLine | undefined {
    if (i < 0 || i >= this.count) return undefined;
    const at = i * FIELDS;
    const n = this.numbers;
    const ref = n[at + TEXT] as number;
    const body = ref < 0 ? '' : this.span(ref, n[at + START] as number, n[at + STOP] as number);
    const pad = n[at + PAD] as number;
    const lead = this.leads[n[at + LEAD] as number] ?? '';
    const text = pad === 0 ? lead + body : lead + ' '.repeat(pad) + body;
    const base = {
      text,
      width: n[at + WIDTH] as number,
      kind: this.kindAt(i),
      offset: n[at + OFFSET] as number,
      end: n[at + END] as number,
    };
    const level = this.levels[i] as number;
    const withLevel = level === 0 ? base : { ...base, level };
    return this.flags[i] === KEEP_WITH_NEXT ? { ...withLevel, keepWithNext: true } : withLevel;
  }

  /** Lines `[start, end)` as objects. */
  slice(start = 0, end = this.count): LayoutLine[] {
    const out: LayoutLine[] = [];
    const stop = Math.min(end, this.count);
    for (let i = Math.max(0, start); i < stop; i += 1) {
      const line = this.line(i);
      if (line !== undefined) out.push(line);
    }
    return out;
  }

  /** Every line as an object (made once, until a line is added). */
  all(): readonly LayoutLine[] {
    this.materialized ??= this.slice();
    return this.materialized;
  }
}
