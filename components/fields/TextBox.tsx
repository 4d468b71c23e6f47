// A small multi-line box with a cursor: the keys of a shell line (line-edit.ts), Enter
// starts a new line, ↑/↓ move between lines, Ctrl+E opens the text in $EDITOR (the
// terminal is handed over and taken back).
import { useState } from 'react';
import { Box, Text } from 'ink';
import { useCurrentInput } from '../hooks/useCurrentInput.js';
import { useTerminalHandover } from '../hooks/useTerminalHandover.js';
import { editInEditor } from '../editor.js';
import { useLineEditing } from './use-line-editing.js';
import { LineValue } from './LineValue.js';
import { tint } from '../palette.js';
import { plural } from '../../src/compiler/format-diagnostics.js';

export interface TextBoxProps {
  value: string;
  focused: boolean;
  onChange: (update: (previous: string) => string) => void;
  placeholder: string;
  /** ↑ on the first line or ↓ on the last: the key leaves the box */
  onLeave?: ((direction: -1 | 1) => void) | undefined;
  /** most rows of text shown: a longer text shows the lines around the cursor */
  maxLines?: number | undefined;
}

export function TextBox({ value, focused, onChange, placeholder, onLeave, maxLines = Infinity }: TextBoxProps) {
  const handOver = useTerminalHandover();
  const [editorError, setEditorError] = useState<string | null>(null);
  const cursor = useLineEditing(focused, value, onChange, { multiline: true, ctrlEIsTaken: true, onLeave });
  useCurrentInput(
    (input, key) => {
      if (!(key.ctrl && input === 'e')) return;
      // editInEditor blocks while the editor runs, so nothing else reads the terminal meanwhile.
      void handOver(() => editInEditor(value, { extension: '.md' })).then((result) => {
        if (result === null) return;
        if ('error' in result) {
          setEditorError(result.error);
          return;
        }
        setEditorError(null);
        // Editors add a final newline; do not count it as an edit.
        const text = !value.endsWith('\n') && result.text.endsWith('\n') ? result.text.slice(0, -1) : result.text;
        onChange(() => text);
      });
    },
    { isActive: focused },
  );
  const lines = value.split('\n');
  // the line the cursor is on, and where in it
  let cursorLine = 0;
  let lineStart = 0;
  for (; cursorLine < lines.length - 1 && lineStart + lines[cursorLine]!.length < cursor; cursorLine++) lineStart += lines[cursorLine]!.length + 1;
  const shown = boxWindow(lines.length, cursorLine, maxLines);
  return (
    <Box flexDirection="column">
      <Box borderStyle="round" borderColor={tint(focused ? 'cyan' : 'gray')} borderDimColor={!focused} flexDirection="column" paddingX={1}>
        {value === '' && !focused ? (
          <Text dimColor>{placeholder}</Text>
        ) : (
          <>
            {shown.above ? <Text dimColor>{`↑ ${plural(shown.above, 'more line')}`}</Text> : null}
            {lines.slice(shown.from, shown.to).map((line, offset) => {
              const index = shown.from + offset;
              return <LineValue key={index} value={line} cursor={focused && index === cursorLine ? cursor - lineStart : undefined} />;
            })}
            {shown.below ? <Text dimColor>{`↓ ${plural(shown.below, 'more line')}`}</Text> : null}
          </>
        )}
      </Box>
      {editorError ? <Text color={tint('red')}>✗ {editorError}</Text> : null}
    </Box>
  );
}

/**
 * The lines a box shows when its text is longer than `rows`: those around the cursor, with
 * a row saying how many are hidden above and below (a long pasted email stays a box the
 * screen can hold, and the line being typed is always in it).
 */
export function boxWindow(count: number, cursorLine: number, rows: number): { from: number; to: number; above: number; below: number } {
  if (count <= rows) return { from: 0, to: count, above: 0, below: 0 };
  const size = Math.max(1, rows - 2);
  const from = Math.min(Math.max(0, cursorLine - Math.floor(size / 2)), count - size);
  return { from, to: from + size, above: from, below: count - from - size };
}
