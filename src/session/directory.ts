// Where sessions live: one folder per run, `<base>/<workflow-name>/<timestamp>/`, where
// base is `.stepwise/runs` next to the workflow or the `--out` folder.
import { basename, dirname, extname, join } from 'node:path';

/** The folder holding every saved session of `workflowFile`. */
export function sessionsFolder(workflowFile: string, out?: string): string {
  const name = basename(workflowFile, extname(workflowFile));
  return join(out ?? join(dirname(workflowFile), '.stepwise', 'runs'), name);
}

/** The session folder of the run that started at `startedAt` (ms). */
export function runDirectory(workflowFile: string, startedAt: number, out?: string): string {
  const stamp = new Date(startedAt).toISOString().replace(/[:.]/g, '-');
  return join(sessionsFolder(workflowFile, out), stamp);
}
