// The frame every field shares: its prompt (marked when focused), the editor, the
// validation message in red, and a key hint while focused.
import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import type { InputField } from '../../src/compiler/types.js';
import { tint } from '../palette.js';

export interface FieldFrameProps {
  field: InputField;
  focused: boolean;
  error?: string | undefined;
  hint?: string | undefined;
  children: ReactNode;
}

export function FieldFrame({ field, focused, error, hint, children }: FieldFrameProps) {
  return (
    <Box flexDirection="column">
      <Text bold={focused} color={focused ? tint('cyan') : undefined}>
        {focused ? '❯ ' : '  '}
        {field.message}
        {field.required ? ' *' : ''}
      </Text>
      <Box marginLeft={4} flexDirection="column">
        {children}
      </Box>
      {error ? (
        <Box marginLeft={4}>
          <Text color={tint('red')}>✗ {error}</Text>
        </Box>
      ) : null}
      {focused && hint ? (
        <Box marginLeft={4}>
          <Text dimColor>{hint}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
