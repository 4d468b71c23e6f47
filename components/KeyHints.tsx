// The footer: the commands that apply right now, read from the one command table, or the
// keys of the screen that has the keyboard (screen-keys.ts).
import { Box, Text } from 'ink';
import { COMMANDS, commandKeys, type KeyContext } from './keys.js';
import { SCREEN_KEYS, screenHints, type ScreenName } from './screen-keys.js';

export interface KeyHintsProps {
  context: KeyContext;
  width: number;
  /** a modal screen's own keys, shown instead of the command table's */
  override?: string | null;
}

/** The keys of the screens that take over the keyboard, from their table (the input form lists its own keys). */
export const MODAL_HINTS: Record<string, string> = {
  form: '',
  ...Object.fromEntries((Object.keys(SCREEN_KEYS) as ScreenName[]).map((screen) => [screen, screenHints(screen)])),
};

const SEPARATOR = '  ';

/** The hints that fit in `width`; help and quit are always kept. */
export function keyHints(context: KeyContext, width: number): string[] {
  const all = COMMANDS.filter((command) => !command.when || command.when(context)).map((command) => `${commandKeys(command)} ${command.label}`);
  const kept = all.filter((hint) => hint.endsWith(' help') || hint.endsWith(' quit'));
  const budget = width - kept.reduce((sum, hint) => sum + hint.length + SEPARATOR.length, 0);
  const shown: string[] = [];
  let used = 0;
  for (const hint of all) {
    if (kept.includes(hint)) continue;
    if (used + hint.length + SEPARATOR.length > budget) break;
    shown.push(hint);
    used += hint.length + SEPARATOR.length;
  }
  return [...shown, ...kept];
}

export function KeyHints({ context, width, override }: KeyHintsProps) {
  return (
    <Box height={1} flexShrink={0} overflow="hidden">
      <Text dimColor wrap="truncate">
        {override ?? keyHints(context, width).join(SEPARATOR)}
      </Text>
    </Box>
  );
}
