// One line asking for text: the feedback instruction (`f`) or an API key (`k`, masked).
// Typing edits it as in a form field, Enter sends it, Esc (handled by the App's key
// handler) cancels. The value lives in a ref as well as in state, so an Enter sends every
// key typed before it, drawn yet or not.
import { useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { useCurrentInput } from './hooks/useCurrentInput.js';
import { isEnter, useLineEditing } from './fields/use-line-editing.js';
import { LineValue } from './fields/LineValue.js';
import { tint } from './palette.js';

export interface LinePromptProps {
  label: string;
  /** hide what is typed (secrets) */
  mask?: boolean;
  onSubmit: (text: string) => void;
}

export function LinePrompt({ label, mask, onSubmit }: LinePromptProps) {
  const typed = useRef('');
  const [value, setValue] = useState('');
  useLineEditing(true, (update) => {
    typed.current = update(typed.current);
    setValue(typed.current);
  });
  useCurrentInput((input, key) => {
    const text = typed.current.trim();
    if (isEnter(input, key) && text) onSubmit(text);
  });
  return (
    <Box height={1} flexShrink={0}>
      <Text color={tint('cyan')}>{label} </Text>
      <LineValue value={mask ? '•'.repeat(value.length) : value} focused />
    </Box>
  );
}
