// Which session a run continues: the TUI continues the latest saved session of the file
// unless --fresh; a headless run only with --resume (the latest) or --resume DIR. A
// resumed session keeps its folder (updated in place) and its inputs, except those given
// on the command line.
import { resolve } from 'node:path';
import type { PreparedRun } from './run.js';
import type { CliIO } from './io.js';
import type { RunState } from '../runtime/types.js';
import { loadLatestSession } from '../session/sessions.js';
import { loadSession } from '../session/load-session.js';
import { runDirectory } from '../session/directory.js';

export interface OpenedSession {
  /** the folder the session is saved in */
  dir: string;
  /** the saved state to continue, or undefined for a new session */
  state?: RunState;
  /** when the resumed session was last saved (ms) */
  savedAt?: number;
  /** the inode of its run.json as loaded: a save by another stepwise replaces it */
  savedIno?: number;
  /** the inputs to run with, and the required ones nobody gave */
  inputs: Record<string, unknown>;
  missing: string[];
}

/** `want.resume`: false for a new session, true for the latest (none saved: `required` says whether that is an error), or a folder. */
export function openSession(prepared: PreparedRun, io: CliIO, want: { resume: boolean | string; required: boolean }): OpenedSession | { error: string } {
  const out = prepared.args.out ? resolve(io.cwd, prepared.args.out) : undefined;
  const fresh = (): OpenedSession => ({ dir: runDirectory(prepared.file, Date.now(), out), inputs: prepared.given, missing: prepared.missing });
  if (want.resume === false) return fresh();
  let loaded: { dir: string; state: RunState; savedAt: number; savedIno: number } | null;
  if (typeof want.resume === 'string') {
    const dir = resolve(io.cwd, want.resume);
    const found = loadSession(dir, prepared.file);
    if ('error' in found) return { error: found.error };
    loaded = { dir, ...found };
  } else {
    const latest = loadLatestSession(prepared.file, out);
    if (latest && 'error' in latest) {
      const instead = want.required ? 'continue another with --resume DIR, or run without --resume to start a new one' : 'start a new session with --fresh (the old one stays on disk)';
      return { error: `the latest saved session of ${prepared.args.file} cannot be read: ${latest.error}\n${instead}` };
    }
    loaded = latest;
    if (!loaded) {
      if (!want.required) return fresh();
      return { error: `no saved session of ${prepared.args.file} to resume${out ? ` under ${prepared.args.out}` : ''}: run it once without --resume` };
    }
  }
  const { dir, state: saved, savedAt, savedIno } = loaded;
  const inputs = { ...saved.inputs, ...prepared.explicit };
  const missing = prepared.missing.filter((name) => !(name in inputs));
  return { dir, state: saved, savedAt, savedIno, inputs, missing };
}
