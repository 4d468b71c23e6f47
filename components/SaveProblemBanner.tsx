// One red line under the header when the session cannot be saved: the results are still
// on screen, but quitting now would lose them.
import { useSyncExternalStore } from 'react';
import { Text } from 'ink';
import { tint } from './palette.js';
import type { SaveProblem } from './save-problem.js';

const NONE: SaveProblem = { get: () => null, set: () => {}, subscribe: () => () => {} };

export function useSaveProblem(problem: SaveProblem | undefined): string | null {
  const source = problem ?? NONE;
  return useSyncExternalStore(source.subscribe, source.get);
}

export function SaveProblemBanner({ message }: { message: string }) {
  return (
    <Text color={tint('red')} bold wrap="truncate">
      ✗ the session cannot be saved: {message} — results stay here until you quit
    </Text>
  );
}

/** In the same place: another stepwise saved this session first, so this one saves to a new folder. */
export function SaveMovedLine({ message }: { message: string }) {
  return (
    <Text color={tint('yellow')} wrap="truncate">
      {message}
    </Text>
  );
}
