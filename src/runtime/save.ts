// Saving moved to src/session/ (where sessions live, autosave, output.md). These names
// stay for the callers that still import them from here.
import type { RunState } from './types.js';
import { writeSession } from '../session/write-session.js';

export { runDirectory } from '../session/directory.js';
export { writeFileAtomic } from '../session/write-file-atomic.js';
export { sessionMarkdown as transcript } from '../session/session-markdown.js';

export function saveRun(state: RunState, directory: string): { transcript: string; runFile: string } {
  const written = writeSession(state, directory);
  return { transcript: written.outputFile, runFile: written.runFile };
}
