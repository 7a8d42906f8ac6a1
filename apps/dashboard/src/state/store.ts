/**
 * A minimal observable store. The inbox is small enough that every subscriber re-rendering on
 * any change costs nothing, and it keeps the data flow obvious: actions call `update`, components
 * read with `useStore`.
 */
import { useEffect, useReducer } from 'preact/hooks';

export interface Store<T> {
  get(): T;
  update(change: (state: T) => T): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    update(change) {
      const next = change(state);
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

/** Re-renders the component whenever the store changes and returns the selected slice. */
export function useStore<T, S>(store: Store<T>, select: (state: T) => S): S {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => store.subscribe(() => rerender(undefined)), [store]);
  return select(store.get());
}
