// One line asking for text: the feedback instruction (`f`) or an API key (`k`, masked).
// Enter sends it, Esc (handled by the App's key handler) cancels. The value lives in a ref
// as well as in state, so an Enter sends every key typed before it, drawn yet or not.
import { useRef, useState } from 'react';
import { Box, Text } from 'ink';
import { useCurrentInput } from './hooks/useCurrentInput.js';
import { applyTyping, isEnter } from './fields/use-line-editing.js';
import { LineValue } from './fields/LineValue.js';

export interface LinePromptProps {
  label: string;
  /** hide what is typed (secrets) */
  mask?: boolean;
  onSubmit: (text: string) => void;
}

export function LinePrompt({ label, mask, onSubmit }: LinePromptProps) {
  const typed = useRef('');
  const [value, setValue] = useState('');
  const change = (next: string) => {
    typed.current = next;
    setValue(next);
  };
  const submit = () => {
    const text = typed.current.trim();
    if (text) onSubmit(text);
  };
  useCurrentInput((input, key) => {
    if (key.backspace || key.delete) return change(typed.current.slice(0, -1));
    if (key.ctrl && input === 'u') return change('');
    if (isEnter(input, key)) return submit();
    if (key.ctrl || key.meta || key.escape || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || !input) return;
    change(applyTyping(typed.current, input, false));
  });
  return (
    <Box height={1} flexShrink={0}>
      <Text color="cyan">{label} </Text>
      <LineValue value={mask ? '•'.repeat(value.length) : value} focused />
    </Box>
  );
}
