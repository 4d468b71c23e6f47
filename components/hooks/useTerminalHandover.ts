// Hands the terminal to another program ($EDITOR) and takes it back. Taking it back clears
// the screen, and Ink writes a frame only when it differs from the last one, so an editor
// that changed nothing would leave the screen blank until a key: the last frame is written
// again on every return.
import { useCallback } from 'react';
import { useStdin, useStdout } from 'ink';
import { suspendTerminal } from '../editor.js';

export function useTerminalHandover(): <T>(work: () => Promise<T>) => Promise<T> {
  const { stdout, write } = useStdout();
  const { stdin } = useStdin();
  return useCallback(
    async <T,>(work: () => Promise<T>): Promise<T> => {
      const resume = suspendTerminal(stdout, stdin);
      try {
        return await work();
      } finally {
        resume();
        // Ink's write erases its frame, writes nothing, then writes the whole last frame again
        write('');
      }
    },
    [stdout, stdin, write],
  );
}
