// Subscribes a component to the store: re-renders on every state change.
import { useSyncExternalStore } from 'react';
import type { Store } from '../../app/store.js';
import type { AppState } from '../../app/state.js';

/** The store's current state. */
export function useAppState(store: Store): AppState {
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}
