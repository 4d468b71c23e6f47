// One line asking for text: the feedback instruction (`f`) or an API key (`k`, masked).
// Enter sends it, Esc (handled by the App's key handler) cancels.
import { useState } from 'react';
import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';

export interface LinePromptProps {
  label: string;
  /** hide what is typed (secrets) */
  mask?: boolean;
  onSubmit: (text: string) => void;
}

export function LinePrompt({ label, mask, onSubmit }: LinePromptProps) {
  const [value, setValue] = useState('');
  return (
    <Box height={1} flexShrink={0}>
      <Text color="cyan">{label} </Text>
      <TextInput value={value} mask={mask ? '•' : undefined} onChange={setValue} onSubmit={(text) => text.trim() && onSubmit(text.trim())} />
    </Box>
  );
}
