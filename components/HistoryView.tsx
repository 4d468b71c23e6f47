// `h`: every version the selected step has had, newest first, one row each: when, why,
// model, tokens and the first line of its output; `●` marks the one shown.
import { Box, Text } from 'ink';
import type { StepVersion } from '../src/runtime/types.js';
import { clip, outputText } from './format.js';
import { columnWidth } from './columns.js';
import { tint } from './palette.js';

export interface HistoryViewProps {
  name: string;
  /** newest first */
  versions: StepVersion[];
  /** the id of the version the step shows now (none after a rewind) */
  current: number | undefined;
  /** index into `versions` */
  selected: number;
  width: number;
  height: number;
}

/** `14:03:09`, local time */
export function clockTime(at: number): string {
  const date = new Date(at);
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}

/**
 * What made the version: `generated`, `feedback "shorter"`, `restored #1`, `cancelled` (a
 * cancelled feedback regeneration names its instruction too), with `, dropped` after a rewind.
 */
export function versionReason(version: StepVersion): string {
  const instruction = `feedback "${clip(version.feedback ?? '', 30)}"`;
  const why =
    version.why === 'feedback' ? instruction
    : version.why === 'cancelled' && version.feedback !== undefined ? `cancelled ${instruction}`
    : version.why === 'restored' && version.from ? `restored #${version.from}`
    : version.why;
  return version.dropped ? `${why}, dropped` : why;
}

/** The version's text: a cancelled generation's is what streamed before it stopped. */
export function versionText(version: StepVersion): string {
  return version.why === 'cancelled' ? version.partial ?? '' : outputText(version.output);
}

/** Tokens the model call that made it took; an edit or a restore asked no model. */
function tokens(version: StepVersion): string {
  if (version.why === 'edited' || version.why === 'restored') return '–';
  return `${version.usage.inputTokens} in ${version.usage.outputTokens} out`;
}

/** Each row as text, without the selection mark: `● #2  14:03:09  generated  echo  5 in 4 out  Soft paws`. */
export function versionRows(versions: StepVersion[], current: number | undefined, width: number): string[] {
  const cells = versions.map((version) => [`#${version.id}`, clockTime(version.at), versionReason(version), version.model ?? '–', tokens(version)]);
  const widths = [0, 1, 2, 3, 4].map((column) => Math.max(...cells.map((row) => columnWidth(row[column]!))));
  return versions.map((version, index) => {
    const row = cells[index]!;
    const padded = row.map((cell, column) => (column === 0 || column === 4 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]! + cell.length - columnWidth(cell))));
    const head = `${version.id === current ? '●' : ' '} ${padded.join('  ')}  `;
    const first = versionText(version).split('\n').find((line) => line.trim()) ?? '(empty)';
    return clip(head + first.trim(), Math.max(1, width - 2));
  });
}

export function HistoryView({ name, versions, current, selected, width, height }: HistoryViewProps) {
  const rows = versionRows(versions, current, width);
  const room = Math.max(1, height - 1);
  const start = Math.max(0, Math.min(selected - room + 1, rows.length - room));
  const title = `History of ${name}: ${versions.length} version${versions.length === 1 ? '' : 's'}, newest first (● current)`;
  return (
    <Box flexDirection="column" height={height} overflow="hidden" flexShrink={0}>
      <Text bold wrap="truncate">
        {title}
      </Text>
      {rows.slice(start, start + room).map((row, index) => {
        const here = start + index === selected;
        return (
          <Text key={versions[start + index]!.id} wrap="truncate" bold={here}>
            {here ? <Text color={tint('cyan')}>›</Text> : ' '} {row}
          </Text>
        );
      })}
    </Box>
  );
}
