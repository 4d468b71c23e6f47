// Where sessions live: one folder per run, `<base>/<workflow-name>/<timestamp>/`, where
// base is `.stepwise/runs` next to the workflow or the `--out` folder.
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/** The folder holding every saved session of `workflowFile`. */
export function sessionsFolder(workflowFile: string, out?: string): string {
  const name = basename(workflowFile, extname(workflowFile));
  return join(out ?? join(dirname(workflowFile), '.stepwise', 'runs'), name);
}

/** The session folder of the run that started at `startedAt` (ms). */
export function runDirectory(workflowFile: string, startedAt: number, out?: string): string {
  return join(sessionsFolder(workflowFile, out), stamp(startedAt));
}

/** A new session folder beside `dir` (same workflow), named for `at` (ms), one that does not exist yet. */
export function newSessionBeside(dir: string, at: number): string {
  let next = join(dirname(dir), stamp(at));
  while (existsSync(next)) next = join(dirname(dir), stamp(++at));
  return next;
}

function stamp(at: number): string {
  return new Date(at).toISOString().replace(/[:.]/g, '-');
}
