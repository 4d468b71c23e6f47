// Typing into a text value: printable keys append, Backspace deletes the last character,
// Ctrl+U clears. Navigation keys are left to the form.
import type { Key } from 'ink';
import { useCurrentInput } from '../hooks/useCurrentInput.js';

/** Enter, including a lone line feed: Enter typed before the terminal was in raw mode arrives as `\n`. */
export function isEnter(input: string, key: Key): boolean {
  return key.return || input === '\n';
}

export function isNavigationKey(key: Key, input = ''): boolean {
  return isEnter(input, key) || key.tab || key.escape || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end;
}

/**
 * Applies typed text to a value. useCurrentInput already splits a chunk of several keys
 * into single keys; should control characters still come inside text, Backspace and
 * Enter are honoured and the others dropped, never shown.
 */
export function applyTyping(previous: string, typed: string, multiline: boolean): string {
  let value = previous;
  for (const char of typed.replace(/\r\n?/g, '\n')) {
    if (char === '\x7f' || char === '\b') value = value.slice(0, -1);
    else if (char === '\n') value += multiline ? '\n' : ' ';
    else if (char === '\t') value += multiline ? '\t' : ' ';
    else if (char >= ' ') value += char;
  }
  return value;
}

export function useLineEditing(focused: boolean, onChange: (update: (previous: string) => string) => void, options: { multiline?: boolean } = {}): void {
  const multiline = options.multiline === true;
  useCurrentInput(
    (input, key) => {
      if (key.backspace || key.delete) {
        onChange((previous) => previous.slice(0, -1));
        return;
      }
      if (key.ctrl && input === 'u') {
        onChange(() => '');
        return;
      }
      if (multiline && isEnter(input, key)) {
        onChange((previous) => `${previous}\n`);
        return;
      }
      if (key.ctrl || key.meta || isNavigationKey(key, input) || !input) return;
      onChange((previous) => applyTyping(previous, input, multiline));
    },
    { isActive: focused },
  );
}
