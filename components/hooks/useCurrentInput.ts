// useInput that always calls the handler, and honours `isActive`, of the latest render.
// Ink re-subscribes a new handler (and applies a new isActive) in an effect, after the
// frame is drawn, so a key typed right after a frame could reach the previous render's
// handler, or miss a field that just took the focus. One steady subscription reading a
// ref closes that gap.
import { useCallback, useRef } from 'react';
import { useInput, useStdin, type Key } from 'ink';

export function useCurrentInput(handler: (input: string, key: Key) => void, options: { isActive?: boolean } = {}): void {
  // without raw mode (piped stdin) ink cannot read keys; asking would crash the app
  const { isRawModeSupported } = useStdin();
  const latest = useRef({ handler, active: options.isActive ?? true });
  latest.current = { handler, active: options.isActive ?? true };
  const steady = useCallback((input: string, key: Key) => {
    if (latest.current.active) latest.current.handler(input, key);
  }, []);
  useInput(steady, { isActive: isRawModeSupported });
}
