// The saved sessions of a workflow, newest first, as the run list and `--resume` see them.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Usage } from '../models/types.js';
import type { RunState, RunStatus } from '../runtime/types.js';
import { sessionsFolder } from './directory.js';
import { loadSession, sameFile } from './load-session.js';
import { RUN_FILE } from './write-session.js';
import { isBlockAction } from '../compiler/action-specs.js';
import type { Workflow } from '../compiler/types.js';
import { stepsAhead } from './steps-ahead.js';

export interface SessionsOptions {
  /** a folder whose run.json cannot be read: it is skipped, and this says why */
  onUnreadable?: (dir: string, error: string) => void;
  /** the workflow as it is now: a session not done counts the steps it has not reached */
  workflow?: Workflow;
}

export { loadSession } from './load-session.js';

export interface SessionSummary {
  /** the session folder (absolute when `workflowFile` or `out` is) */
  dir: string;
  /** when the run started (ms) */
  startedAt: number;
  /** when run.json was last written (ms): a resumed session moves to the top */
  updatedAt: number;
  status: RunStatus;
  stepsDone: number;
  stepsTotal: number;
  usage: Usage;
  /** the workflow file the run is of, as it was saved */
  file: string;
}

/**
 * Every readable session in the workflow's folder, most recently saved first (the later
 * start breaks a tie). A folder whose run.json is missing or not a run is skipped (with
 * `onUnreadable`, told why). Sessions of another workflow of the same name (a shared
 * `--out`) are included: compare `file`, as latestSession does.
 */
export function sessionsOf(workflowFile: string, out?: string, options: SessionsOptions = {}): SessionSummary[] {
  const { onUnreadable, workflow } = options;
  const folder = sessionsFolder(workflowFile, out);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const sessions: SessionSummary[] = [];
  for (const name of names) {
    const dir = join(folder, name);
    const loaded = loadSession(dir);
    if ('error' in loaded) {
      // a folder without run.json is not a session (nothing was saved in it)
      if (modifiedAt(join(dir, RUN_FILE)) !== null) onUnreadable?.(dir, loaded.error);
      continue;
    }
    sessions.push(summarize(dir, loaded.state, loaded.savedAt, workflow));
  }
  return sessions.sort((a, b) => b.updatedAt - a.updatedAt || b.startedAt - a.startedAt || (a.dir < b.dir ? 1 : -1));
}

/** The most recently saved session of this very workflow file, or null. */
export function latestSession(workflowFile: string, out?: string): SessionSummary | null {
  const latest = loadLatestSession(workflowFile, out);
  return latest && !('error' in latest) ? summarize(latest.dir, latest.state, latest.savedAt) : null;
}

/**
 * The same session, loaded: its folder, state and when it was saved; or, when the most
 * recently saved run.json cannot be read (cut short, not JSON, not a run), that folder and
 * why: continuing an older session instead would look like lost work.
 */
export function loadLatestSession(workflowFile: string, out?: string): { dir: string; state: RunState; savedAt: number; savedIno: number } | { dir: string; error: string } | null {
  // newest run.json first by its time on disk, so opening a file reads one session, not all
  const folder = sessionsFolder(workflowFile, out);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return null;
  }
  const byTime = names
    .map((name) => ({ dir: join(folder, name), at: modifiedAt(join(folder, name, RUN_FILE)) }))
    .filter((entry) => entry.at !== null)
    .sort((a, b) => b.at! - a.at! || (a.dir < b.dir ? 1 : -1));
  for (const { dir } of byTime) {
    const loaded = loadSession(dir);
    if ('error' in loaded) return { dir, error: loaded.error };
    if (!sameFile(loaded.state.file, workflowFile)) continue;
    return { dir, ...loaded };
  }
  return null;
}

function modifiedAt(path: string): number | null {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return null;
  }
}

/**
 * Steps count the action steps the run has reached (records with an action), not the
 * Loop and Cond records around them: a block is its body's steps, each iteration's
 * counted, and a one-step loop that ran twice is 2 steps. With the workflow, the steps of
 * a session that is not done include those it has not reached (stepsAhead). Done means
 * done and not out of date.
 */
export function stepCounts(state: RunState, workflow?: Workflow): { stepsDone: number; stepsTotal: number } {
  let stepsDone = 0;
  let stepsTotal = 0;
  for (const key of state.order) {
    const record = state.steps[key];
    if (!record?.action || isBlockAction(record.action)) continue;
    stepsTotal++;
    if (record.status === 'done' && !record.stale) stepsDone++;
  }
  if (workflow && state.status !== 'done') stepsTotal += stepsAhead(workflow, state);
  return { stepsDone, stepsTotal };
}

function summarize(dir: string, state: RunState, updatedAt: number, workflow?: Workflow): SessionSummary {
  return {
    dir,
    startedAt: state.startedAt,
    updatedAt,
    status: state.status,
    ...stepCounts(state, workflow),
    usage: {
      inputTokens: state.usage?.inputTokens ?? 0,
      outputTokens: state.usage?.outputTokens ?? 0,
    },
    file: state.file,
  };
}
