// The run screen's keys. It turns ink's key report into a name from the command table
// (keys.ts) and calls the handler for that command. `intercept` gets the key first (a
// waiting tool call's keys use it); `isActive: false` leaves the keyboard to a form, except
// Ctrl+C, which always reaches the `interrupt` handler. The screens opened over it hear a
// key first and keep it (useScreenKeys), all but Ctrl+C.
import type { Key } from 'ink';
import { useCurrentInput } from './useCurrentInput.js';
import { commandFor, keyName, type CommandId, type KeyName } from '../keys.js';

export type CommandHandlers = Partial<Record<CommandId, (key: KeyName) => void>>;

export interface KeyBindingOptions {
  isActive: boolean;
  /** return true when the key was used */
  intercept?: (name: KeyName | null, input: string, key: Key) => boolean;
}

export function useKeyBindings(handlers: CommandHandlers, options: KeyBindingOptions): void {
  useCurrentInput((input, key) => {
    const name = keyName(input, key);
    if (name === 'ctrl+c') return void handlers.interrupt?.(name);
    if (!options.isActive) return;
    if (options.intercept?.(name, input, key)) return;
    if (name === null) return;
    const command = commandFor(name);
    if (command) handlers[command.id]?.(name);
  });
}
