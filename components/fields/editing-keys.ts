// The editing keys of text fields and prompts (line-edit.ts), as the `?` help and the
// form's hints name them: three short lines, so the help still fits a 30-row terminal.
export interface EditingKey {
  keys: string;
  does: string;
}

export const EDITING_KEYS: readonly (readonly EditingKey[])[] = [
  [
    { keys: '←/→', does: 'move a char' },
    { keys: 'Alt+←/→ Ctrl+←/→ Alt+B/F', does: 'a word' },
    { keys: 'Home/End Ctrl+A/E', does: 'to line start/end' },
  ],
  [
    { keys: 'Backspace/Delete', does: 'delete a char' },
    { keys: 'Ctrl+W', does: 'a word back' },
    { keys: 'Alt+D', does: 'a word on' },
    { keys: 'Ctrl+U/K', does: 'to line start/end' },
  ],
  [
    { keys: '↑/↓', does: 'lines of a multi-line box (leave it from the first/last)' },
    { keys: 'Ctrl+E', does: 'there: $EDITOR' },
  ],
];

/** The form's hint line for every text it holds. */
export const TEXT_KEYS_HINT = 'Text: ←/→ Home/End Alt+←/→ move · Delete · Ctrl+W word · Ctrl+U/K to line start/end';

/** The hint under a focused multi-line box (`what` says what Enter starts). */
export function boxKeysHint(what: string): string {
  return `Enter ${what} · ↑/↓ move between lines · Ctrl+E open in $EDITOR · Tab next field`;
}
