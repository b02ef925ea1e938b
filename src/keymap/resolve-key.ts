// Key resolution: a key name in the current screen (and overlay) → the operation it triggers.
// Overlay first, then the screen, then lists, then global. Pure; no react/ink.
import type { KeyBinding } from './key-table.js';
import { LIST_SCREENS, MODAL_CONTEXTS, MODAL_PASSTHROUGH } from './bindings.js';
import type { Context, Operation } from './operations.js';

/** What a key does: an operation (with the digit for `page.goto`), text typed into a field, or nothing. */
export type KeyResolution =
  | { readonly kind: 'operation'; readonly op: Operation; readonly count: number | null }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'none' };

/** Where input goes: the current screen's context and whether the help overlay is open. */
export interface InputScope {
  readonly screen: Context;
  readonly isHelpOpen: boolean;
}

/** The contexts consulted for a scope, highest priority first. */
export function contextChain(scope: InputScope): readonly Context[] {
  if (scope.isHelpOpen) return ['help'];
  if (MODAL_CONTEXTS.includes(scope.screen)) return [scope.screen];
  return LIST_SCREENS.includes(scope.screen)
    ? [scope.screen, 'list', 'global']
    : [scope.screen, 'global'];
}

function findOp(bindings: readonly KeyBinding[], context: Context, key: string): Operation | null {
  for (const row of bindings)
    if (row.contexts.includes(context) && row.keys.includes(key)) return row.op;
  return null;
}

/**
 * Resolves a key. `typed` is the raw text of the input event: in the search screen, printable
 * input that no search binding claims becomes text for the query (a paste arrives as one event).
 */
export function resolveKey(
  bindings: readonly KeyBinding[],
  scope: InputScope,
  key: string | null,
  typed = '',
): KeyResolution {
  const chain = contextChain(scope);
  if (key !== null) {
    for (const context of chain) {
      const op = findOp(bindings, context, key);
      if (op !== null)
        return { kind: 'operation', op, count: op === 'page.goto' ? Number(key) || null : null };
    }
  }
  const isTyping = !scope.isHelpOpen && scope.screen === 'search';
  if (isTyping && typed !== '' && (key === null || key === 'space' || [...key].length === 1)) {
    return { kind: 'text', text: typed };
  }
  if (key !== null && MODAL_CONTEXTS.includes(chain[0]!)) {
    const op = findOp(bindings, 'global', key);
    if (op !== null && MODAL_PASSTHROUGH.includes(op))
      return { kind: 'operation', op, count: null };
  }
  return { kind: 'none' };
}
