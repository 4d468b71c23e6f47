// `q` while a run is in progress asks first: y quits, n or Esc keeps it running.
import { Text } from 'ink';
import { tint } from './palette.js';
import { useScreenKeys } from './hooks/useScreenKeys.js';
import { screenAction } from './screen-keys.js';

export function QuitQuestion({ onQuit, onStay }: { onQuit?: () => void; onStay?: () => void }) {
  useScreenKeys((name) => {
    const action = screenAction('quit', name);
    if (action === 'quit') onQuit?.();
    else if (action === 'back') onStay?.();
  });
  return <Text color={tint('yellow')}>Quit while running? y/n</Text>;
}
