// Every compile problem of the file, each wrapped in full with its code frame, scrollable:
// the `!` view over the run, and the whole screen of a file that never compiled.
import { Box, Text } from 'ink';
import type { Diagnostic } from '../src/compiler/types.js';
import { wrapColumns } from './columns.js';
import { problemsLines } from './problem-lines.js';
import { ProblemLineText } from './ProblemLineText.js';
import { tint } from './palette.js';
import type { KeyName } from './keys.js';

export interface ProblemsViewProps {
  diagnostics: Diagnostic[];
  text: string;
  title: string;
  width: number;
  height: number;
  /** lines scrolled down from the top */
  scroll: number;
}

interface Layout {
  title: string[];
  lines: ReturnType<typeof problemsLines>;
  /** rows for problem lines (one less than the room when a "more below" row is needed) */
  rows: number;
  maxScroll: number;
}

function layout({ diagnostics, text, title, width, height }: Omit<ProblemsViewProps, 'scroll'>): Layout {
  const titleLines = wrapColumns(title, width);
  const lines = problemsLines(diagnostics, text, width, true);
  const room = Math.max(1, height - titleLines.length);
  const rows = lines.length > room ? Math.max(1, room - 1) : room;
  return { title: titleLines, lines, rows, maxScroll: Math.max(0, lines.length - rows) };
}

/** The furthest the view scrolls: its last line at the bottom. */
export function problemsMaxScroll(props: Omit<ProblemsViewProps, 'scroll'>): number {
  return layout(props).maxScroll;
}

/** The scroll after a key: ↑/↓ a line, PgUp/PgDn a page, held between 0 and `max`; null for other keys. */
export function scrollForKey(name: KeyName | null, scroll: number, page: number, max: number): number | null {
  const step = name === 'up' ? -1 : name === 'down' ? 1 : name === 'pageup' ? -page : name === 'pagedown' ? page : null;
  return step === null ? null : Math.min(max, Math.max(0, scroll + step));
}

/** Red when an error is listed, yellow for warnings alone. */
function titleColor(diagnostics: Diagnostic[]) {
  if (diagnostics.some((d) => d.severity === 'error')) return tint('red');
  return diagnostics.length ? tint('yellow') : undefined;
}

export function ProblemsView(props: ProblemsViewProps) {
  const { title, lines, rows, maxScroll } = layout(props);
  const start = Math.min(Math.max(0, props.scroll), maxScroll);
  const below = lines.length - (start + rows);
  return (
    <Box flexDirection="column" height={props.height} overflow="hidden" flexShrink={0}>
      {title.map((line, index) => (
        <Text key={`t${index}`} bold color={titleColor(props.diagnostics)} wrap="truncate">
          {line}
        </Text>
      ))}
      {props.diagnostics.length === 0 ? <Text dimColor>no problems: the file compiles</Text> : null}
      {lines.slice(start, start + rows).map((line, index) => (
        <ProblemLineText key={start + index} line={line} />
      ))}
      {below > 0 ? (
        <Text dimColor wrap="truncate">
          ⋮ {below} more line{below === 1 ? '' : 's'} (↓/PgDn)
        </Text>
      ) : null}
    </Box>
  );
}
