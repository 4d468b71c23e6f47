// Beside the file name in the header: what happens to the file's saves. Nothing while it is
// watched as usual; a deleted file and --no-watch say so, since the screen would otherwise
// look as if it followed the file.
import { Text } from 'ink';
import type { FileState } from './hooks/useWorkflowFile.js';
import { tint } from './palette.js';

/** The note's text ('' while the file is watched as usual). */
export function fileStateNote(state: FileState, short = false): string {
  if (state === 'deleted') return short ? ' · deleted' : ' · deleted — waiting for it to return';
  if (state === 'not watched') return ' · not watched';
  return '';
}

export function FileStateNote({ state, short = false }: { state: FileState; short?: boolean }) {
  const note = fileStateNote(state, short);
  if (!note) return null;
  return state === 'deleted' ? <Text color={tint('yellow')}>{note}</Text> : <Text dimColor>{note}</Text>;
}
