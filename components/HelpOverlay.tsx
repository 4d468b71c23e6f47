// `?`: every binding of the command table with what it does.
import { Box, Text } from 'ink';
import { COMMANDS, commandKeys } from './keys.js';
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
    </Box>
  );
}
