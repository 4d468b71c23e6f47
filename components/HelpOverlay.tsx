// `?`: every binding of the command table with what it does, then the editing keys of
// text (the form's fields and the `f`/`k` prompts). Rows that do not fit are counted on
// the last line, never squeezed on top of each other.
import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { COMMANDS, commandKeys } from './keys.js';
import { EDITING_KEYS } from './fields/editing-keys.js';
import { tint } from './palette.js';

export function HelpOverlay({ height }: { height: number }) {
  const width = Math.max(...COMMANDS.map((command) => commandKeys(command).length)) + 2;
  const rows: ReactNode[] = [
    <Text bold>Keys (press any key to close)</Text>,
    ...COMMANDS.map((command) => (
      <Text wrap="truncate">
        <Text color={tint('cyan')}>{commandKeys(command).padEnd(width)}</Text>
        {command.help}
      </Text>
    )),
    <Text bold>Editing text (form fields, f and k prompts)</Text>,
    ...EDITING_KEYS.map((line) => (
      <Text wrap="truncate">
        {line.map((entry, at) => (
          <Text key={entry.keys}>
            {at > 0 ? ' · ' : ''}
            <Text color={tint('cyan')}>{entry.keys}</Text> {entry.does}
          </Text>
        ))}
      </Text>
    )),
  ];
  const fits = rows.length <= height ? rows : [...rows.slice(0, Math.max(0, height - 1)), <Text dimColor>… {rows.length - height + 1} more: a taller terminal shows them</Text>];
  return (
    <Box flexDirection="column" height={height} overflow="hidden" flexShrink={0}>
      {fits.map((row, index) => (
        <Box key={index} flexShrink={0}>
          {row}
        </Box>
      ))}
    </Box>
  );
}
