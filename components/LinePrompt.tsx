// One line asking for text: the feedback instruction (`f`) or an API key (`k`, masked).
// Typing edits it as in a form field (the keys of a shell line, with a cursor), Enter
// sends it, Esc cancels.
import { useState } from 'react';
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
  onCancel?: () => void;
}

export function LinePrompt({ label, mask, onSubmit, onCancel }: LinePromptProps) {
  const [value, setValue] = useState('');
  const cursor = useLineEditing(true, value, setValue);
  // the keyboard hands out Enter only once the keys before it are drawn, so `value` holds them
  useCurrentInput((input, key) => {
    const text = value.trim();
    if (isEnter(input, key) && text) onSubmit(text);
    else if (key.escape) onCancel?.();
  });
  return (
    <Box height={1} flexShrink={0}>
      <Text color={tint('cyan')}>{label} </Text>
      <LineValue value={mask ? '•'.repeat(value.length) : value} cursor={cursor} />
    </Box>
  );
}
