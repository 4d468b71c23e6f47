// Beside the file name in the header: what happens to the file's saves. Nothing while it is
// watched as usual; a deleted file and --no-watch say so, since the screen would otherwise
// look as if it followed the file.
import { Text } from 'ink';
import type { FileState } from './hooks/useWorkflowFile.js';
import { tint } from './palette.js';

export function FileStateNote({ state }: { state: FileState }) {
  if (state === 'deleted') return <Text color={tint('yellow')}>{' · deleted — waiting for it to return'}</Text>;
  if (state === 'not watched') return <Text dimColor>{' · not watched'}</Text>;
  return null;
}
