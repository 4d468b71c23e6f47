// One line asking for text: the feedback instruction (`f`) or an API key (`k`, masked).
// Typing edits it as in a form field (the keys of a shell line, with a cursor), Enter
// sends it, Esc cancels (as screen-keys.ts says for the prompt's screen).
import { useState } from 'react';
import { Box, Text } from 'ink';
import { useCurrentInput } from './hooks/useCurrentInput.js';
import { useLineEditing } from './fields/use-line-editing.js';
import { keyName } from './keys.js';
import { screenAction, type ScreenName } from './screen-keys.js';
import { LineValue } from './fields/LineValue.js';
import { tint } from './palette.js';
import { columnWidth } from './columns.js';
import { lineWindow } from './fields/line-window.js';

export interface LinePromptProps {
  label: string;
  /** hide what is typed (secrets) */
  mask?: boolean;
  onSubmit: (text: string) => void;
  onCancel?: () => void;
  /** whose keys these are in the table of screen keys */
  screen?: PromptScreen;
  /** the row's width: a longer value scrolls sideways to keep the cursor on it */
  width?: number;
}

type PromptScreen = Extract<ScreenName, 'feedback' | 'api-key' | 'tool-reject'>;

export function LinePrompt({ label, mask, onSubmit, onCancel, screen = 'feedback', width = Infinity }: LinePromptProps) {
  const [value, setValue] = useState('');
  const cursor = useLineEditing(true, value, setValue);
  // the keyboard hands out Enter only once the keys before it are drawn, so `value` holds them
  useCurrentInput((input, key) => {
    const text = value.trim();
    const action = screenAction(screen, keyName(input, key));
    if (action === 'send' && text) onSubmit(text);
    else if (action === 'back') onCancel?.();
  });
  const shown = lineWindow(mask ? '•'.repeat(value.length) : value, cursor, width - columnWidth(label) - 1);
  return (
    <Box height={1} flexShrink={0}>
      <Text color={tint('cyan')} wrap="truncate">
        {label}{' '}
      </Text>
      <Box flexShrink={0}>
        <LineValue value={shown.text} cursor={shown.cursor} />
      </Box>
    </Box>
  );
}
