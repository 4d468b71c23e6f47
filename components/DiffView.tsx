// `d`: a word-level diff of two texts (two versions of an output, or the prompt a stale
// result was made from and the one the step would send now), scrolled with PgUp/PgDn.
import { useMemo } from 'react';
import { Box, Text } from 'ink';
import { wordDiff, type Change } from './word-diff.js';
import { tint, type Tint } from './palette.js';

export interface DiffSubject {
  /** `Output of haiku` */
  title: string;
  /** what `[-…-]` and `{+…+}` stand for: `#1`, `#2 (current)` */
  beforeName: string;
  afterName: string;
  before: string;
  after: string;
  /** said when the two texts have the same words */
  same: string;
}

export interface DiffViewProps {
  subject: DiffSubject;
  width: number;
  height: number;
  /** lines scrolled down from the top */
  scroll: number;
}

const COLORS: Record<Change, Tint | undefined> = { same: undefined, removed: 'red', added: 'green' };

/** The most the view scrolls: its last line at the bottom. */
export function diffScrollLimit(subject: DiffSubject, width: number, height: number): number {
  return Math.max(0, wordDiff(subject.before, subject.after, width).lines.length - Math.max(1, height - 1));
}

export function DiffView({ subject, width, height, scroll }: DiffViewProps) {
  const { lines, changed } = useMemo(() => wordDiff(subject.before, subject.after, width), [subject.before, subject.after, width]);
  const room = Math.max(1, height - 1);
  const start = Math.min(Math.max(0, scroll), Math.max(0, lines.length - room));
  return (
    <Box flexDirection="column" height={height} overflow="hidden" flexShrink={0}>
      <Text bold wrap="truncate">
        {subject.title}: <Text color={tint('red')}>[-{subject.beforeName}-]</Text> <Text color={tint('green')}>{`{+${subject.afterName}+}`}</Text>
        {changed ? '' : ` — ${subject.same}`}
        {lines.length > room ? ` (lines ${start + 1}–${Math.min(lines.length, start + room)} of ${lines.length})` : ''}
      </Text>
      {lines.slice(start, start + room).map((line, index) => (
        <Text key={start + index} wrap="truncate">
          {line.length ? line.map((piece, at) => (piece.change === 'same' ? piece.text : <Text key={at} color={tint(COLORS[piece.change])}>{piece.text}</Text>)) : ' '}
        </Text>
      ))}
    </Box>
  );
}
