// Autosave: a session folder kept up to date as the run goes, so quitting, a crash or a
// closed terminal loses at most the last quarter second. It listens to the run's events
// like any front end; the run itself never touches a file.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RunEvent, RunListener, RunState } from '../runtime/types.js';
import { RUN_FILE, writeSession } from './write-session.js';
import { newSessionBeside } from './directory.js';

/** The events after which the saved run would differ; never the streaming deltas. */
const CHANGES = new Set<RunEvent['type']>(['step-end', 'step-error', 'step-cancel', 'stale', 'history', 'status', 'done']);

export interface AutosaveOptions {
  /** a write failed: the message names the folder and how to fix it (called again only when the message changes) */
  onError?: (message: string) => void;
  /** the least time between two writes, in ms (default 250) */
  interval?: number;
  /** the clock (default Date.now) */
  now?: () => number;
  /**
   * A resumed session: when its run.json was written, as it was loaded (ms). If another
   * stepwise (a second window on the same file) saves the session after that, this one
   * never writes over it: it moves to a new session folder, and `onMoved` says where.
   */
  savedAt?: number;
  /** the inode of that run.json, as it was loaded */
  savedIno?: number;
  /** saving moved to a new session folder, `dir`; `message` says why, for the author */
  onMoved?: (dir: string, message: string) => void;
}

export interface Autosave {
  /** writes now, synchronously, if anything changed since the last write (or always, with `force`: a running step's partial text is no change event): for exit paths */
  flush(force?: boolean): void;
  /** stops listening and cancels a pending write (it does not write: flush first) */
  stop(): void;
  /** the last write's failure, or null when the last write succeeded (or none was needed) */
  error(): string | null;
  /** the folder the session is saved in (a new one after another stepwise saved the first) */
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
export function autosave(run: SavedRun, folder: string, options: AutosaveOptions = {}): Autosave {
  const interval = options.interval ?? 250;
  const now = options.now ?? Date.now;
  let dirty = false;
  let queued = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastWrite = -Infinity;
  let failure: string | null = null;
  let stopped = false;
  let dir = folder;
  // run.json as this session last saw it: any other stamp means another process wrote it
  let seen: FileStamp | null = options.savedAt === undefined ? null : { mtimeMs: options.savedAt, ino: options.savedIno };
  // the text of that run.json, once known: a save that would write it again writes nothing
  // (opening a session and quitting leaves it as it was, its time too)
  let onDisk: string | undefined;
  let loadedText = options.savedAt !== undefined;

  /** Whether run.json, stamped `now`, was written by another process since this one saw it. */
  const writtenByAnother = (now: FileStamp | null): boolean => {
    // gone (the folder was removed): writing it again overwrites nobody
    if (!seen || now === null) return false;
    return now.mtimeMs !== seen.mtimeMs || (seen.ino !== undefined && now.ino !== seen.ino);
  };

  const write = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!dirty) return;
    dirty = false;
    lastWrite = now();
    // one stat serves both the check for another writer and, on failure, the comparison below
    let before: FileStamp | null = null;
    try {
      before = fileStamp(join(dir, RUN_FILE));
      if (writtenByAnother(before)) {
        const from = dir;
        dir = newSessionBeside(from, now());
        before = null; // a new folder: no run.json in it yet
        onDisk = undefined;
        loadedText = false;
        options.onMoved?.(dir, `another stepwise saved this session (${from}) too: this one now saves to ${dir}, so neither overwrites the other`);
      }
      if (loadedText) onDisk = readText(join(dir, RUN_FILE));
      loadedText = false;
      const { text, written } = writeSession(run.state, dir, onDisk);
      onDisk = text;
      if (written) seen = fileStamp(join(dir, RUN_FILE));
      failure = null;
    } catch (error) {
      onDisk = undefined;
      // run.json written before output.md failed: that new file is this session's own
      const after = fileStamp(join(dir, RUN_FILE));
      if (after && after.ino !== before?.ino) seen = after;
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
    get dir() {
      return dir;
    },
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

interface FileStamp {
  mtimeMs: number;
  /** each atomic write renames a new file into place: a new inode */
  ino?: number;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function fileStamp(path: string): FileStamp | null {
  try {
    const { mtimeMs, ino } = statSync(path);
    return { mtimeMs, ino };
  } catch {
    return null;
  }
}
