// A deterministic sequence of favorite operations (add, remove, re-add with a tag) over a small
// pool of ids, shared by the worker process that performs it and the test that checks the result.

/** One favorite operation; `n` is its index in the sequence. */
export type FavOp =
  | {
      readonly n: number;
      readonly kind: 'add';
      readonly id: string;
      readonly title: string;
      readonly tag: string | null;
    }
  | { readonly n: number; readonly kind: 'remove'; readonly id: string };

/** mulberry32: a small seeded PRNG, so both processes derive the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` operations over ids `<prefix>0` … `<prefix>29`. */
export function favOps(prefix: string, seed: number, count: number): FavOp[] {
  const random = seededRandom(seed);
  const ops: FavOp[] = [];
  for (let n = 0; n < count; n += 1) {
    const id = `${prefix}${Math.floor(random() * 30)}`;
    const roll = random();
    if (roll < 0.3) ops.push({ n, kind: 'remove', id });
    else
      ops.push({
        n,
        kind: 'add',
        id,
        title: `标题 ${id} 第${n}版`,
        tag: roll > 0.85 ? `标签${n}` : null,
      });
  }
  return ops;
}

/** The expected favorites after the first `done` operations: id → title and tags. */
export function expectedFavorites(
  ops: readonly FavOp[],
  done: number,
): Map<string, { title: string; tags: string[] }> {
  const state = new Map<string, { title: string; tags: string[] }>();
  for (const op of ops.slice(0, done)) {
    if (op.kind === 'remove') {
      state.delete(op.id);
      continue;
    }
    const tags = state.get(op.id)?.tags ?? [];
    state.set(op.id, {
      title: op.title,
      tags: op.tag === null || tags.includes(op.tag) ? tags : [...tags, op.tag],
    });
  }
  return state;
}
