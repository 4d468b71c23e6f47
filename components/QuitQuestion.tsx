// `q` while a run is in progress asks first: y quits, n or Esc keeps it running.
import { Text } from 'ink';
import { tint } from './palette.js';
import { useScreenKeys } from './hooks/useScreenKeys.js';

export function QuitQuestion({ onQuit, onStay }: { onQuit?: () => void; onStay?: () => void }) {
  useScreenKeys((name, input) => {
    if (input === 'y') onQuit?.();
    else if (input === 'n' || name === 'escape') onStay?.();
  });
  return <Text color={tint('yellow')}>Quit while running? y/n</Text>;
}
