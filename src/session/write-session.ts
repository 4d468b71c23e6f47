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
 * error. run.json goes first: it is the one a resume needs. With `unchanged` (the text
 * run.json holds now), a run that would write the same text writes nothing: `written` is false.
 */
export function writeSession(state: RunState, dir: string, unchanged?: string): { runFile: string; outputFile: string; text: string; written: boolean } {
  const saved = savedState(state);
  const runFile = join(dir, RUN_FILE);
  const outputFile = join(dir, OUTPUT_FILE);
  const text = runJson(saved);
  if (text === unchanged) return { runFile, outputFile, text, written: false };
  writeFileAtomic(runFile, text);
  writeFileAtomic(outputFile, sessionMarkdown(saved));
  return { runFile, outputFile, text, written: true };
}
