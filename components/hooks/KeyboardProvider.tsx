// The app's one keyboard as a React context: the provider holds the single subscription to
// Ink's input, and every listener (useCurrentInput) registers with the keyboard it provides.
// A component rendered alone (the field tests) has no provider: its listeners then reach
// the same keyboard through their own subscription (keyboard.ts tells one event from many).
import { createContext, useCallback, useContext, type ReactNode } from 'react';
import { useInput, useStdin, type Key } from 'ink';
import { keyboardFor, type Keyboard } from './keyboard.js';

const KeyboardContext = createContext<Keyboard | null>(null);

export function KeyboardProvider({ children }: { children: ReactNode }) {
  // without raw mode (piped stdin) ink cannot read keys; asking would crash the app
  const { stdin, isRawModeSupported, internal_eventEmitter } = useStdin();
  const keyboard = keyboardFor(stdin, internal_eventEmitter);
  const receive = useCallback((input: string, key: Key) => keyboard.receive(input, key), [keyboard]);
  useInput(receive, { isActive: isRawModeSupported });
  return <KeyboardContext.Provider value={keyboard}>{children}</KeyboardContext.Provider>;
}

/** The provided keyboard, or null outside a provider. */
export function useProvidedKeyboard(): Keyboard | null {
  return useContext(KeyboardContext);
}
