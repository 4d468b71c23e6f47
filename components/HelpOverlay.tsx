// `?`: every binding of the command table with what it does, the keys of each view and
// prompt (screen-keys.ts), then the editing keys of text (the form's fields and the `f`/`k`
// prompts). On a short terminal it scrolls with ↑/↓ PgUp/PgDn; rows are never squeezed on
// top of each other.
import type { ReactNode } from 'react';
import { Box, Text } from 'ink';
import { COMMANDS, commandKeys } from './keys.js';
import { SCREEN_KEYS, screenHelp, type ScreenName } from './screen-keys.js';
import { EDITING_KEYS } from './fields/editing-keys.js';
import { tint } from './palette.js';

/** Rows the help has in all (App scrolls it by them). */
export function helpRowCount(): number {
  return helpRows().length;
}

/** Every screen's keys but the help's own (its first row says them). */
const SHOWN_SCREENS = (Object.keys(SCREEN_KEYS) as ScreenName[]).filter((screen) => screen !== 'help');

function helpRows(): ReactNode[] {
  const width = Math.max(...COMMANDS.map((command) => commandKeys(command).length)) + 2;
  const screenWidth = Math.max(...SHOWN_SCREENS.map((screen) => SCREEN_KEYS[screen].title.length)) + 2;
  return [
    <Text bold>Keys (↑/↓ PgUp/PgDn scroll; any other key closes)</Text>,
    ...COMMANDS.map((command) => (
      <Text wrap="truncate">
        <Text color={tint('cyan')}>{commandKeys(command).padEnd(width)}</Text>
        {command.help}
      </Text>
    )),
    <Text bold>In the views and prompts</Text>,
    ...SHOWN_SCREENS.map((screen) => (
      <Text wrap="truncate">
        <Text color={tint('cyan')}>{SCREEN_KEYS[screen].title.padEnd(screenWidth)}</Text>
        {screenHelp(screen)}
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
}

/** The most the help scrolls on a screen of `height` rows. */
export function helpMaxScroll(height: number): number {
  const rows = helpRowCount();
  return rows <= height ? 0 : rows - height + 1;
}

export function HelpOverlay({ height, scroll = 0 }: { height: number; scroll?: number }) {
  const rows = helpRows();
  const top = Math.min(Math.max(0, scroll), helpMaxScroll(height));
  const fits =
    rows.length <= height
      ? rows
      : [...rows.slice(top, top + height - 1), <Text dimColor>{top + height - 1 < rows.length ? `⋮ ${rows.length - top - height + 1} more rows: ↓ or PgDn` : '(end of the help)'}</Text>];
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
