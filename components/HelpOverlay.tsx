// `?`: every binding of the command table with what it does, then the editing keys of
// text (the form's fields and the `f`/`k` prompts).
import { Box, Text } from 'ink';
import { COMMANDS, commandKeys } from './keys.js';
import { EDITING_KEYS } from './fields/editing-keys.js';
import { tint } from './palette.js';

export function HelpOverlay({ height }: { height: number }) {
  const width = Math.max(...COMMANDS.map((command) => commandKeys(command).length)) + 2;
  return (
    <Box flexDirection="column" height={height} overflow="hidden" flexShrink={0}>
      <Text bold>Keys (press any key to close)</Text>
      {COMMANDS.map((command) => (
        <Text key={command.id} wrap="truncate">
          <Text color={tint('cyan')}>{commandKeys(command).padEnd(width)}</Text>
          {command.help}
        </Text>
      ))}
      <Text bold>Editing text (form fields, f and k prompts)</Text>
      {EDITING_KEYS.map((line, index) => (
        <Text key={index}>
          {line.map((entry, at) => (
            <Text key={entry.keys}>
              {at > 0 ? ' · ' : ''}
              <Text color={tint('cyan')}>{entry.keys}</Text> {entry.does}
            </Text>
          ))}
        </Text>
      ))}
    </Box>
  );
}
