// The prepared texts of one article's text units (one set of layout options), cached between
// layouts without an object per unit: their numbers in one typed array, their texts and buffers in
// two plain arrays. Pure; it measures nothing itself (wrap-text.ts does).
//
// Why: a long article has tens of thousands of units; a kept object per unit (and a kept copy of
// each indented paragraph) was megabytes for the garbage collector to copy on every cold layout.
import { ChunkedList } from './chunked-list.js';
import { prepareText, type PreparedText } from './wrap-text.js';

const FIELDS = 3;
const ORIGIN = 0;
const WIDTH = 1;
const INDENT = 2;

/** Prepared texts of units `0, 1, 2 …`: each unit is an indent (kept together) and a text. */
export class PreparedUnits {
  private readonly texts = new ChunkedList<string>();
  private readonly buffers = new ChunkedList<Uint8Array>();
  /** The few units with clusters too wide for their byte (see `PreparedText.wide`). */
  private readonly wides = new Map<number, ReadonlyMap<number, number>>();
  private numbers = new Int32Array(FIELDS * 64);

  /**
   * Unit `index` prepared as `indent + text`, with no break inside the indent: from the cache when
   * that unit was `text` with that indent before, else measured now and kept. The returned object
   * is a view for one wrap; only its numbers and buffer are kept.
   */
  prepare(index: number, text: string, indent: string, isAmbiguousWide: boolean): PreparedText {
    const at = index * FIELDS;
    if (this.texts.get(index) === text && this.numbers[at + INDENT] === indent.length) {
      const n = this.numbers;
      return {
        text: indent === '' ? text : indent + text,
        width: n[at + WIDTH] as number,
        data: this.buffers.get(index) as Uint8Array,
        origin: n[at + ORIGIN] as number,
        wide: this.wides.get(index) ?? null,
      };
    }
    const prepared = prepareText(
      indent === '' ? text : indent + text,
      isAmbiguousWide,
      indent.length,
    );
    if (at + FIELDS > this.numbers.length) {
      const grown = new Int32Array(Math.max(at + FIELDS, this.numbers.length * 2));
      grown.set(this.numbers);
      this.numbers = grown;
    }
    const n = this.numbers;
    n[at + ORIGIN] = prepared.origin;
    n[at + WIDTH] = prepared.width;
    n[at + INDENT] = indent.length;
    // Filled in order in practice; a gap (a unit skipped) stays undefined and never matches.
    this.texts.set(index, text);
    this.buffers.set(index, prepared.data);
    if (prepared.wide === null) this.wides.delete(index);
    else this.wides.set(index, prepared.wide);
    return prepared;
  }
}
