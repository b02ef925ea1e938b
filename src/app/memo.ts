// A one-entry memo by argument identity: selectors recompute only when their inputs change,
// which is what keeps a keypress in a 5,000-item list cheap. Pure; no react/ink.

/** Wraps `fn` so a call with the same arguments (by `===`) as the previous one returns the previous result. */
export function memoLast<A extends readonly unknown[], R>(
  fn: (...args: A) => R,
): (...args: A) => R {
  let lastArgs: A | null = null;
  let lastResult: R;
  return (...args: A): R => {
    if (
      lastArgs !== null &&
      lastArgs.length === args.length &&
      lastArgs.every((a, i) => a === args[i])
    ) {
      return lastResult;
    }
    lastResult = fn(...args);
    lastArgs = args;
    return lastResult;
  };
}
