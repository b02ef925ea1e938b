// A minimal store around the reducer: the state, dispatch, and change subscription (what
// React's useSyncExternalStore needs). No react/ink.
import type { Action } from './actions.js';
import { reduce } from './reducer.js';
import type { AppState } from './state.js';

export interface Store {
  getState(): AppState;
  dispatch(action: Action): void;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** Creates a store holding `initial`. */
export function createStore(initial: AppState): Store {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = reduce(state, action);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
