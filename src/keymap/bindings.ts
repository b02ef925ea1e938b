// Building the effective key bindings: the default table plus the user's overrides from the
// settings file, with conflicts found and reported. Pure; no react/ink, no I/O.
import { KEY_TABLE, type KeyBinding } from './key-table.js';
import { isKeyName } from './key-names.js';
import { isOperation, type Context, type Operation } from './operations.js';

/** Screens that show a list: the `list` context applies on them. */
export const LIST_SCREENS: readonly Context[] = ['home', 'favorites', 'errors'];
/** Contexts that capture input: global keys do not reach through them (except {@link MODAL_PASSTHROUGH}). */
export const MODAL_CONTEXTS: readonly Context[] = ['help', 'search'];
/** Operations that still work under a modal context. */
export const MODAL_PASSTHROUGH: readonly Operation[] = ['app.quit'];

/** The user's rebinding: operation → its new keys (replacing the defaults in every context). */
export type KeyOverrides = Readonly<Record<string, readonly string[]>>;

/** Something wrong with the user's bindings, reported to the user; the app still starts. */
export interface KeyProblem {
  readonly kind: 'unknown-operation' | 'bad-key' | 'conflict';
  readonly message: string;
}

export interface EffectiveBindings {
  readonly bindings: readonly KeyBinding[];
  readonly problems: readonly KeyProblem[];
}

/** True when a key bound in context `a` and in context `b` could both be live at once. */
export function contextsOverlap(a: Context, b: Context): boolean {
  if (a === b) return true;
  if ((a === 'list' && LIST_SCREENS.includes(b)) || (b === 'list' && LIST_SCREENS.includes(a)))
    return true;
  if (a === 'global') return !MODAL_CONTEXTS.includes(b);
  if (b === 'global') return !MODAL_CONTEXTS.includes(a);
  return false;
}

interface Clash {
  readonly key: string;
  readonly first: number;
  readonly second: number;
}

function findClashes(bindings: readonly KeyBinding[]): Clash[] {
  const clashes: Clash[] = [];
  for (let i = 0; i < bindings.length; i++) {
    const a = bindings[i]!;
    for (let j = i + 1; j < bindings.length; j++) {
      const b = bindings[j]!;
      if (a.op === b.op) continue;
      if (!a.contexts.some((ca) => b.contexts.some((cb) => contextsOverlap(ca, cb)))) continue;
      for (const key of a.keys)
        if (b.keys.includes(key)) clashes.push({ key, first: i, second: j });
    }
  }
  return clashes;
}

/** Every key clash in a set of bindings (the default table must have none: a test checks). */
export function findConflicts(bindings: readonly KeyBinding[]): string[] {
  return findClashes(bindings).map(
    ({ key, first, second }) =>
      `"${key}" is bound to both ${bindings[first]!.op} and ${bindings[second]!.op}`,
  );
}

/**
 * Applies the user's overrides to the default table. An override replaces the keys of every row
 * of that operation. When a rebound key clashes with a default binding, the user's choice wins
 * and the default loses that key; when two overrides clash, the first one listed keeps it. Every
 * such case, an unknown operation or an unknown key name is reported as a problem.
 */
export function buildBindings(
  overrides: KeyOverrides = {},
  table: readonly KeyBinding[] = KEY_TABLE,
): EffectiveBindings {
  const problems: KeyProblem[] = [];
  const overridden = new Map<Operation, string[]>();
  for (const [name, keys] of Object.entries(overrides)) {
    if (!isOperation(name)) {
      problems.push({
        kind: 'unknown-operation',
        message: `unknown operation "${name}" in the key settings`,
      });
      continue;
    }
    const valid: string[] = [];
    for (const key of keys) {
      if (isKeyName(key)) valid.push(key);
      else problems.push({ kind: 'bad-key', message: `unknown key "${key}" for ${name}` });
    }
    overridden.set(name, valid);
  }
  let bindings = table.map((row) => {
    const keys = overridden.get(row.op);
    return keys === undefined ? row : { ...row, keys };
  });
  const order = [...overridden.keys()];
  for (;;) {
    const clash = findClashes(bindings)[0];
    if (clash === undefined) break;
    const a = bindings[clash.first]!;
    const b = bindings[clash.second]!;
    const aUser = overridden.has(a.op);
    const bUser = overridden.has(b.op);
    let loser: number;
    if (aUser && !bUser) loser = clash.second;
    else if (bUser && !aUser) loser = clash.first;
    else loser = order.indexOf(a.op) <= order.indexOf(b.op) ? clash.second : clash.first;
    const winner = loser === clash.first ? b : a;
    const lost = bindings[loser]!;
    problems.push({
      kind: 'conflict',
      message: `"${clash.key}" is bound to ${winner.op} and ${lost.op}; it now does ${winner.op} only`,
    });
    bindings = bindings.map((row, index) =>
      index === loser ? { ...row, keys: row.keys.filter((k) => k !== clash.key) } : row,
    );
  }
  return { bindings, problems };
}
