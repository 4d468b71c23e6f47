// Autosave: a session folder kept up to date as the run goes, so quitting, a crash or a
// closed terminal loses at most the last quarter second. It listens to the run's events
// like any front end; the run itself never touches a file.
import type { RunEvent, RunListener, RunState } from '../runtime/types.js';
import { writeSession } from './write-session.js';

/** The events after which the saved run would differ; never the streaming deltas. */
const CHANGES = new Set<RunEvent['type']>(['step-end', 'step-error', 'step-cancel', 'stale', 'history', 'status', 'done']);

export interface AutosaveOptions {
  /** a write failed: the message names the folder and how to fix it (called again only when the message changes) */
  onError?: (message: string) => void;
  /** the least time between two writes, in ms (default 250) */
  interval?: number;
  /** the clock (default Date.now) */
  now?: () => number;
}

export interface Autosave {
  /** writes now, synchronously, if anything changed since the last write (or always, with `force`: a running step's partial text is no change event): for exit paths */
  flush(force?: boolean): void;
  /** stops listening and cancels a pending write (it does not write: flush first) */
  stop(): void;
  /** the last write's failure, or null when the last write succeeded (or none was needed) */
  error(): string | null;
  readonly dir: string;
}

/** What autosave needs of a run: its state and its events. */
export interface SavedRun {
  readonly state: RunState;
  subscribe(listener: RunListener): () => void;
}

/**
 * Writes `savedState(run.state)` into `dir` after every change. The first change after a
 * quiet spell is written at once (in a microtask, so the events one command emits
 * together make one write); later ones at most every `interval` ms, the last always.
 */
export function autosave(run: SavedRun, dir: string, options: AutosaveOptions = {}): Autosave {
  const interval = options.interval ?? 250;
  const now = options.now ?? Date.now;
  let dirty = false;
  let queued = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastWrite = -Infinity;
  let failure: string | null = null;
  let stopped = false;

  const write = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!dirty) return;
    dirty = false;
    lastWrite = now();
    try {
      writeSession(run.state, dir);
      failure = null;
    } catch (error) {
      const message = `cannot save the run in ${dir}: ${(error as Error).message}; make sure the folder can be written, or save elsewhere with --out DIR`;
      const repeated = message === failure;
      failure = message;
      if (!repeated) options.onError?.(message);
    }
  };

  const changed = () => {
    dirty = true;
    if (queued || timer) return;
    const wait = lastWrite + interval - now();
    if (wait > 0) {
      timer = setTimeout(write, wait);
      // a pending save never keeps the process alive: exit paths flush
      timer.unref?.();
      return;
    }
    queued = true;
    queueMicrotask(() => {
      queued = false;
      if (!stopped) write();
    });
  };

  const unsubscribe = run.subscribe((event) => {
    if (CHANGES.has(event.type)) changed();
  });

  return {
    dir,
    flush(force = false) {
      if (force) dirty = true;
      write();
    },
    stop() {
      stopped = true;
      unsubscribe();
      if (timer) clearTimeout(timer);
      timer = null;
    },
    error: () => failure,
  };
}
