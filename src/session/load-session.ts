// Reading a session back: the run.json in a session folder, checked before anyone trusts it.
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RunState } from '../runtime/types.js';
import { runStateFromJson } from './run-json.js';
import { RUN_FILE } from './write-session.js';
import { runShapeProblem } from './run-shape.js';

export type LoadedSession =
  | { state: RunState; /** when run.json was last written (ms) */ savedAt: number; /** its inode: each save renames a new file into place */ savedIno: number }
  | { error: string };

/**
 * The run saved in `dir`. With `workflowFile`, a run of another workflow is an error too.
 * Never throws: every problem is a message that names the file and says what to do.
 */
export function loadSession(dir: string, workflowFile?: string): LoadedSession {
  const file = join(dir, RUN_FILE);
  let text: string;
  let savedAt: number;
  let savedIno: number;
  try {
    ({ mtimeMs: savedAt, ino: savedIno } = statSync(file));
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { error: `no saved run in ${dir}: ${file} does not exist; \`stepwise runs FILE\` lists the saved sessions` };
    return { error: `cannot read ${file}: ${(error as Error).message}; check that you can read it` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `${file} is not valid JSON (${(error as Error).message}); it may have been cut short: pick another session (\`stepwise runs FILE\`) or start afresh` };
  }
  const problem = runShapeProblem(value);
  if (problem) return { error: `${file} is not a stepwise run (${problem}); pick a folder that \`stepwise runs FILE\` lists` };
  // runShapeProblem found nothing: it has the shape of a run
  const saved = value as RunState;
  if (workflowFile && !sameFile(saved.file, workflowFile)) {
    return { error: `${file} is a run of ${saved.file}, not of ${resolve(workflowFile)}; pick a session of this workflow (\`stepwise runs ${workflowFile}\`)` };
  }
  return { state: runStateFromJson(saved), savedAt, savedIno };
}

export function sameFile(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}
