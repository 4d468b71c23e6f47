// The visible part of an output: its tail by default, scrolled up with PgUp. Only the
// lines on screen are computed and rendered (see text-window.ts).
import { Box, Text } from 'ink';
import { textWindow } from './text-window.js';

export interface StreamingTextProps {
  text: string;
  width: number;
  height: number;
  /** lines scrolled up from the bottom */
  scroll?: number;
  /** more text follows below what `text` holds (a pinned stream) */
  moreBelow?: boolean;
}

/** The lines shown, with an indicator line at an edge that has more text beyond it. */
export function visibleLines(text: string, width: number, height: number, scroll = 0, moreBelow = false): Array<{ text: string; more: boolean }> {
  if (!text || height <= 0) return [];
  const window = textWindow(text, width, height, scroll);
  const lines = window.lines.map((line) => ({ text: line, more: false }));
  if (window.above && lines.length) lines[0] = { text: '⋮ (PgUp for more)', more: true };
  const below = { text: '⋮ (PgDn for more)', more: true };
  // text held back below the window (a pinned stream) gets its own row when there is room
  if (moreBelow && !window.below && lines.length < height) lines.push(below);
  else if ((window.below || moreBelow) && lines.length > 1) lines[lines.length - 1] = below;
  return lines;
}

export function StreamingText({ text, width, height, scroll = 0, moreBelow = false }: StreamingTextProps) {
  const lines = visibleLines(text, width, height, scroll, moreBelow);
  if (!lines.length) return null;
  // the lines already fit the width (textWindow wraps them), so one Text node holds them
  // all: Ink lays out and styles one node per frame instead of one per line
  const first = lines[0]!.more ? lines[0] : null;
  const last = lines.length > 1 && lines[lines.length - 1]!.more ? lines[lines.length - 1] : null;
  const body = lines.slice(first ? 1 : 0, last ? -1 : undefined).map((line) => line.text || ' ');
  return (
    <Box flexDirection="column" height={lines.length} flexShrink={0}>
      {first ? <Text dimColor wrap="truncate">{first.text}</Text> : null}
      {body.length ? <Text>{body.join('\n')}</Text> : null}
      {last ? <Text dimColor wrap="truncate">{last.text}</Text> : null}
    </Box>
  );
}
