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
  color?: string;
}

/** The lines shown, with an indicator line at an edge that has more text beyond it. */
export function visibleLines(text: string, width: number, height: number, scroll = 0): Array<{ text: string; more: boolean }> {
  if (!text || height <= 0) return [];
  const window = textWindow(text, width, height, scroll);
  const lines = window.lines.map((line) => ({ text: line, more: false }));
  if (window.above && lines.length) lines[0] = { text: '⋮ (PgUp for more)', more: true };
  if (window.below && lines.length > 1) lines[lines.length - 1] = { text: '⋮ (PgDn for more)', more: true };
  return lines;
}

export function StreamingText({ text, width, height, scroll = 0, color }: StreamingTextProps) {
  const lines = visibleLines(text, width, height, scroll);
  if (!lines.length) return null;
  return (
    <Box flexDirection="column" height={lines.length} flexShrink={0}>
      {lines.map((line, index) => (
        <Text key={index} wrap="truncate" dimColor={line.more} color={line.more ? undefined : color}>
          {line.text || ' '}
        </Text>
      ))}
    </Box>
  );
}
