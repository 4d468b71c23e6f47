// A small multi-line box: typing appends, Enter starts a new line, Backspace deletes,
// Ctrl+E opens the text in $EDITOR (the terminal is handed over and taken back).
import { useState } from 'react';
import { Box, Text } from 'ink';
import { useCurrentInput } from '../hooks/useCurrentInput.js';
import { useTerminalHandover } from '../hooks/useTerminalHandover.js';
import { editInEditor } from '../editor.js';
import { useLineEditing } from './use-line-editing.js';
import { tint } from '../palette.js';

export interface TextBoxProps {
  value: string;
  focused: boolean;
  onChange: (update: (previous: string) => string) => void;
  placeholder: string;
}

export function TextBox({ value, focused, onChange, placeholder }: TextBoxProps) {
  const handOver = useTerminalHandover();
  const [editorError, setEditorError] = useState<string | null>(null);
  useLineEditing(focused, onChange, { multiline: true });
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
  return (
    <Box flexDirection="column">
      <Box borderStyle="round" borderColor={tint(focused ? 'cyan' : 'gray')} borderDimColor={!focused} flexDirection="column" paddingX={1}>
        {value === '' && !focused ? (
          <Text dimColor>{placeholder}</Text>
        ) : (
          lines.map((line, index) => (
            <Text key={index}>
              {line}
              {focused && index === lines.length - 1 ? '█' : ''}
            </Text>
          ))
        )}
      </Box>
      {editorError ? <Text color={tint('red')}>✗ {editorError}</Text> : null}
    </Box>
  );
}
