// useInput that always calls the handler, and honours `isActive`, of the latest render.
// Ink re-subscribes a new handler (and applies a new isActive) in an effect, after the
// frame is drawn, so a key typed right after a frame could reach the previous render's
// handler, or miss a field that just took the focus. One steady subscription reading a
// ref closes that gap. Keys that reached the app together are handled one by one.
import { useCallback, useRef } from 'react';
import { useInput, useStdin, type Key } from 'ink';
import { splitKeypresses, type Keypress } from './keypresses.js';

export function useCurrentInput(handler: (input: string, key: Key) => void, options: { isActive?: boolean } = {}): void {
  // without raw mode (piped stdin) ink cannot read keys; asking would crash the app
  const { isRawModeSupported } = useStdin();
  const latest = useRef({ handler, active: options.isActive ?? true });
  latest.current = { handler, active: options.isActive ?? true };
  // Keys are handled one at a time, the next one only after a turn of the event loop, in
  // which React renders what the key before changed: each key sees the state the one
  // before it left (a field that took the focus, an overlay that opened). Every hook
  // splits a chunk the same way, so all of them handle its keys in step.
  const queue = useRef<Keypress[]>([]);
  const waiting = useRef(false);
  const drain = useCallback(() => {
    const next = queue.current.shift();
    waiting.current = next !== undefined;
    if (!next) return;
    if (latest.current.active) latest.current.handler(next.input, next.key);
    setImmediate(drain);
  }, []);
  const steady = useCallback((input: string, key: Key) => {
    queue.current.push(...splitKeypresses(input, key));
    if (!waiting.current) drain();
  }, []);
  useInput(steady, { isActive: isRawModeSupported });
}
