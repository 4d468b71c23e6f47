// One write of a session: run.json (to resume) and output.md (to read), each atomically.
import { join } from 'node:path';
import { savedState } from '../runtime/saved-state.js';
import type { RunState } from '../runtime/types.js';
import { runJson } from './run-json.js';
import { sessionMarkdown } from './session-markdown.js';
import { writeFileAtomic } from './write-file-atomic.js';

export const RUN_FILE = 'run.json';
export const OUTPUT_FILE = 'output.md';

/**
 * Writes `savedState(state)` into `dir` (made if missing); throws the file system's
 * error. run.json goes first: it is the one a resume needs.
 */
export function writeSession(state: RunState, dir: string): { runFile: string; outputFile: string } {
  const saved = savedState(state);
  const runFile = join(dir, RUN_FILE);
  const outputFile = join(dir, OUTPUT_FILE);
  writeFileAtomic(runFile, runJson(saved));
  writeFileAtomic(outputFile, sessionMarkdown(saved));
  return { runFile, outputFile };
}
