// `f`: one line asking for the instruction the action regenerates with. Enter sends it,
// Esc (handled by the App's key handler) cancels.
import { useState } from 'react';
import { Box, Text } from 'ink';
import TextInput from 'ink-text-input';

export interface FeedbackPromptProps {
  as: string;
  onSubmit: (instruction: string) => void;
}

export function FeedbackPrompt({ as, onSubmit }: FeedbackPromptProps) {
  const [value, setValue] = useState('');
  return (
    <Box height={1} flexShrink={0}>
      <Text color="cyan">Feedback for {as}: </Text>
      <TextInput value={value} onChange={setValue} onSubmit={(text) => text.trim() && onSubmit(text.trim())} />
    </Box>
  );
}
