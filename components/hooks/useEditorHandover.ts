// `e` (a step's output, a tool call's arguments): the terminal goes to $EDITOR and comes
// back, the bottom line saying so meanwhile.
import { editInEditor } from '../editor.js';
import type { Mode } from '../modes.js';

export interface EditorHandoverOptions {
  editor?: typeof editInEditor;
  /** hands the terminal to the editor and takes it back */
  terminal?: { suspend: () => () => void };
  setMode: (mode: Mode) => void;
}

/** Edits `text` in $EDITOR (a file ending in `extension`): the edited text, an error, or null when cancelled. */
export function useEditorHandover({ editor = editInEditor, terminal, setMode }: EditorHandoverOptions) {
  return async (text: string, extension: string): ReturnType<typeof editInEditor> => {
    setMode('editing');
    const resume = terminal?.suspend();
    try {
      return await editor(text, { extension });
    } finally {
      resume?.();
      setMode('main');
    }
  };
}
