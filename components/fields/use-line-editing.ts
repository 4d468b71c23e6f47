// Typing into a one-line text value: printable keys append, Backspace deletes the last
// character, Ctrl+U clears. Navigation keys are left to the form.
import { useInput, useStdin, type Key } from 'ink';

export function isNavigationKey(key: Key): boolean {
  return key.tab || key.return || key.escape || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end;
}

export function useLineEditing(focused: boolean, onChange: (update: (previous: string) => string) => void, options: { multiline?: boolean } = {}): void {
  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      if (key.backspace || key.delete) {
        onChange((previous) => previous.slice(0, -1));
        return;
      }
      if (key.ctrl && input === 'u') {
        onChange(() => '');
        return;
      }
      if (options.multiline && key.return) {
        onChange((previous) => `${previous}\n`);
        return;
      }
      if (key.ctrl || key.meta || isNavigationKey(key) || !input) return;
      // Pasted text arrives in one piece; a one-line value keeps it on one line.
      const text = options.multiline ? input.replace(/\r\n?/g, '\n') : input.replace(/[\r\n]+/g, ' ');
      onChange((previous) => previous + text);
    },
    { isActive: focused && isRawModeSupported },
  );
}
