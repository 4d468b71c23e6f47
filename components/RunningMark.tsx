// The mark of a running phase or step: a spinner driven by the shared clock.
import { Text } from 'ink';
import { useTick } from './hooks/useTick.js';
import { tint } from './palette.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
/** slow enough to cost little CPU while a model streams, fast enough to look alive */
const INTERVAL_MS = 200;

export function RunningMark() {
  const tick = useTick(INTERVAL_MS);
  return <Text color={tint('cyan')}>{FRAMES[tick % FRAMES.length]}</Text>;
}
