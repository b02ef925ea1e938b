// An append-mostly list kept in fixed-size blocks. Pure.
//
// Why: a long article keeps a few references per text unit (its text, its indent, its prepared
// buffer), tens of thousands of them. As one JavaScript array each, every array past 128 KB — and
// every copy made while it grows — is a large object the engine maps fresh from the system, and on
// the virtual machines we run on every fresh page costs more than the layout work done on it. In
// blocks of 4,096 entries, nothing is ever copied and each block is an ordinary heap object.

const BLOCK_BITS = 12;
const BLOCK = 1 << BLOCK_BITS;
const MASK = BLOCK - 1;

/** Entries `0 … length - 1`, stored in blocks of {@link BLOCK}. */
export class ChunkedList<T> {
  private readonly blocks: T[][] = [];
  private size = 0;

  /** Appends `value`; returns its index. */
  push(value: T): number {
    const index = this.size;
    this.set(index, value);
    return index;
  }

  /** Entry `index` (undefined when never set). */
  get(index: number): T | undefined {
    return this.blocks[index >>> BLOCK_BITS]?.[index & MASK];
  }

  /** Sets entry `index` (any index ≥ 0; entries skipped over stay undefined). */
  set(index: number, value: T): void {
    const at = index >>> BLOCK_BITS;
    while (this.blocks.length <= at) this.blocks.push([]);
    (this.blocks[at] as T[])[index & MASK] = value;
    if (index >= this.size) this.size = index + 1;
  }
}
