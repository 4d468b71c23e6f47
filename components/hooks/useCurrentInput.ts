// useInput that always calls the handler, and honours `isActive`, of the latest render.
// Ink re-subscribes a new handler (and applies a new isActive) in an effect, after the
// frame is drawn, so a key typed right after a frame could reach the previous render's
// handler, or miss a field that just took the focus. One steady registration reading a
// ref closes that gap; the app's one Keyboard (keyboard.ts, provided by KeyboardProvider)
// hands out the keys one at a time, each after the frame of the one before is drawn, to the
// latest-mounted listener first. A handler that returns true keeps the key from the rest.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useInput, useStdin, type Key } from 'ink';
import { keyboardFor, type KeyHandler, type KeyListener } from './keyboard.js';
import { useProvidedKeyboard } from './KeyboardProvider.js';

export function useCurrentInput(handler: KeyHandler, options: { isActive?: boolean } = {}): void {
  const { stdin, isRawModeSupported, internal_eventEmitter } = useStdin();
  const provided = useProvidedKeyboard();
  const keyboard = provided ?? keyboardFor(stdin, internal_eventEmitter);
  const latest = useRef<KeyListener['latest']['current']>({ handler, active: options.isActive ?? true });
  latest.current = { handler, active: options.isActive ?? true };
  // A key's turn: bumped after the key is handled, so this renders with whatever the key
  // changed, and the effect below tells the keyboard that frame is drawn.
  const [turn, setTurn] = useState(0);
  useEffect(() => keyboard.add({ latest, wake: setTurn }), [keyboard]);
  useEffect(() => keyboard.drawn(turn), [keyboard, turn]);
  const receive = useCallback((input: string, key: Key) => keyboard.receive(input, key), [keyboard]);
  // inside a provider, the provider's subscription is the only one
  useInput(receive, { isActive: isRawModeSupported && provided === null });
}
