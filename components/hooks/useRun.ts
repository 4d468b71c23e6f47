// Subscribes a component to a Run: returns the latest RunView (null until the run exists).
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { RunHandle } from '../../src/runtime/run-handle.js';
import { RunViewStore, type RunView } from '../run-view.js';

const NO_RUN = { subscribe: () => () => {}, getSnapshot: () => null };

export function useRun(run: RunHandle | null): RunView | null {
  const [store, setStore] = useState<RunViewStore | null>(null);
  useEffect(() => {
    if (!run) return;
    const created = new RunViewStore(run);
    setStore(created);
    return () => {
      created.dispose();
      setStore(null);
    };
  }, [run]);
  const source = store ?? NO_RUN;
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}
