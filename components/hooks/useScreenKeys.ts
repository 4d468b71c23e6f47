// The keys of a screen that takes over the keyboard (help, messages, history, problems, the
// quit question): named as in the command table, and kept from the run screen below. Ctrl+C
// is left to the app's `interrupt`, which reaches it on every screen.
import { useCurrentInput } from './useCurrentInput.js';
import { keyName, type KeyName } from '../keys.js';

export function useScreenKeys(onKey: (name: KeyName | null, input: string) => void): void {
  useCurrentInput((input, key) => {
    const name = keyName(input, key);
    if (name === 'ctrl+c') return false;
    onKey(name, input);
    return true;
  });
}

/** How far ↑/↓ PgUp/PgDn move in a view `page` rows tall; 0 for any other key. */
export function scrollStep(name: KeyName | null, page: number): number {
  return name === 'up' ? -1 : name === 'down' ? 1 : name === 'pageup' ? -page : name === 'pagedown' ? page : 0;
}
