// One step: a header line with its status, then (expanded) its prompt dimmed, its output
// (streaming in while it runs), its error in red and its warnings in yellow. Memoised: a
// finished step's props keep their identity, so it does not re-render while another streams.
import { memo } from 'react';
import { Box, Text } from 'ink';
import { RunningMark } from './RunningMark.js';
import type { StepRecord, ToolCall } from '../src/runtime/types.js';
import { toolCallLine } from '../src/tools/call-line.js';
import { MARK_COLORS, MARK_GLYPHS, stepMark } from './marks.js';
import { tint, type Tint } from './palette.js';
import { clip, headLines, outputText } from './format.js';
import { columnWidth } from './columns.js';
import { StreamingText, visibleLines } from './StreamingText.js';
import { PROMPT_LINES } from './step-budgets.js';
import { textWindow } from './text-window.js';
import { isBlockAction } from '../src/compiler/action-specs.js';

export interface StepViewProps {
  as: string;
  action: string;
  /** nesting under the phase: 1 for a phase's own steps */
  depth: number;
  /** one line: status, name and the first line of the output */
  compact: boolean;
  record?: StepRecord;
  /** GenObject's partial object while it streams */
  partial?: unknown;
  selected: boolean;
  width: number;
  /** most lines of output shown */
  outputLines: number;
  /** most lines of the prompt shown (default PROMPT_LINES) */
  promptLines?: number;
  /** output lines scrolled up from the bottom */
  scroll: number;
  /** the output is shown up to this many characters (pinned while the author reads above a stream) */
  until?: number;
  /** the run is running (a running record shows a spinner, not a pending mark) */
  live: boolean;
  /** the prompt it would send now, for a step that has not run or is stale (run.preview) */
  preview?: string;
}

/** the labels after a step's name (the row's width is counted with them) */
const EDITED = ' (edited)';
const STALE = ' (stale)';

export function indent(depth: number): number {
  return 2 + depth * 2;
}

export function streamedText(props: Pick<StepViewProps, 'record' | 'partial' | 'until'>): string {
  const text = wholeText(props);
  return props.until !== undefined && props.until < text.length ? text.slice(0, props.until) : text;
}

/** The view is pinned short of the output's end: more text waits below. */
function heldBack(props: Pick<StepViewProps, 'record' | 'partial' | 'until'>): boolean {
  return props.until !== undefined && props.until < wholeText(props).length;
}

/** The step's output as text: what has streamed so far while it runs. */
export function wholeText(props: Pick<StepViewProps, 'record' | 'partial'>): string {
  const record = props.record;
  if (!record || isBlockAction(record.action)) return '';
  if (record.status === 'running') return props.partial !== undefined ? outputText(props.partial) : record.partial ?? '';
  return outputText(record.output);
}

/** The prompt shown under a step's row: what it would send now for a pending or stale step. */
export function promptText(props: Pick<StepViewProps, 'record' | 'preview'>): string {
  return (props.preview ?? props.record?.prompt)?.trim() ?? '';
}

function promptLines(props: StepViewProps, width: number): string[] {
  const prompt = promptText(props);
  if (!prompt) return [];
  const { lines, more } = headLines(prompt, width, props.promptLines ?? PROMPT_LINES);
  if (more && lines.length) lines[lines.length - 1] = clip(lines[lines.length - 1]! + '…', width);
  return lines;
}

/** Each tool call the model made, wrapped to a few rows: `⚒ add {"a":2,"b":3} → 5`. */
function toolLines(props: StepViewProps, width: number): Array<{ text: string; color?: Tint }> {
  return (props.record?.toolCalls ?? []).flatMap((call) => {
    const { lines, more } = headLines(`⚒ ${toolCallLine(call, TOOL_CALL_CHARS)}`, width, TOOL_CALL_ROWS);
    if (more && lines.length) lines[lines.length - 1] = clip(lines[lines.length - 1]! + '…', width);
    return lines.map((text) => ({ text, color: TOOL_COLORS[call.status] }));
  });
}

/** A call's arguments and result are cut past this many characters on screen (`m` shows them whole). */
const TOOL_CALL_CHARS = 400;
const TOOL_CALL_ROWS = 3;

const TOOL_COLORS: Partial<Record<ToolCall['status'], Tint>> = { waiting: 'yellow', failed: 'red', rejected: 'red', refused: 'yellow' };

function errorLines(props: StepViewProps, width: number): string[] {
  const error = props.record?.error;
  if (!error) return [];
  const where = error.line ? ` (line ${error.line})` : '';
  return headLines(`✗ ${error.message}${where}`, width, 4).lines;
}

/** Lines the step's whole prompt and whole output would take, each counted up to `most`, and its fixed lines. */
export function stepNeed(props: StepViewProps, most: number): { prompt: number; output: number; fixed: number } {
  if (props.compact || (!props.record && props.preview === undefined)) return { prompt: 0, output: 0, fixed: 1 };
  const width = Math.max(10, props.width - indent(props.depth) - 2);
  const prompt = promptText(props);
  const head = prompt ? headLines(prompt, width, most) : { lines: [], more: false };
  const text = streamedText(props);
  const window = text ? textWindow(text, width, most) : null;
  return {
    prompt: head.lines.length + (head.more ? 1 : 0),
    output: window ? window.lines.length + (window.above ? 1 : 0) + (heldBack(props) ? 1 : 0) : 0,
    fixed: 1 + toolLines(props, width).length + errorLines(props, width).length + (props.record?.warnings.length ?? 0),
  };
}

/** How many lines the step takes on screen (PhaseList windows by it). */
export function stepHeight(props: StepViewProps): number {
  if (props.compact || (!props.record && props.preview === undefined)) return 1;
  const width = Math.max(10, props.width - indent(props.depth) - 2);
  return 1 + promptLines(props, width).length + toolLines(props, width).length + visibleLines(streamedText(props), width, props.outputLines, props.scroll, heldBack(props)).length + errorLines(props, width).length + (props.record?.warnings.length ?? 0);
}

function headerSuffix(record: StepRecord | undefined, compact: boolean, width: number): { text: string; color?: Tint } | null {
  if (!record) return null;
  if (record.action === 'Loop' && Array.isArray(record.output)) return { text: `${record.output.length} iteration${record.output.length === 1 ? '' : 's'}` };
  if (record.action === 'Loop' && record.status === 'running' && record.progress) {
    const { done, total } = record.progress;
    return { text: total === null ? `${done} done` : `${done} of ${total}` };
  }
  if (record.action === 'Cond' && record.status === 'done') return { text: record.output === null ? 'skipped (if is false)' : 'ran' };
  if (record.status === 'cancelled') return { text: 'cancelled' };
  if (!compact) return null;
  if (record.error) return { text: record.error.message.split('\n')[0]!, color: 'red' };
  const text = record.status === 'running' ? record.partial ?? '' : outputText(record.output);
  return { text: clip(text.split('\n').find((line) => line.trim()) ?? '', width) };
}

/** A finished step's cost: `20+35 tokens 1.2s` (tokens only for steps that called a model). */
export function stepMeta(record: StepRecord | undefined): string {
  if (!record || (record.status !== 'done' && record.status !== 'failed') || record.startedAt === null || record.endedAt === null) return '';
  if (isBlockAction(record.action)) return '';
  const seconds = `${(Math.max(0, record.endedAt - record.startedAt) / 1000).toFixed(1)}s`;
  const { inputTokens, outputTokens } = record.usage;
  return inputTokens || outputTokens ? `${inputTokens}+${outputTokens} tokens ${seconds}` : seconds;
}

function StepViewImpl(props: StepViewProps) {
  const { record, selected, compact, depth } = props;
  const mark = stepMark(record, props.live ? 'running' : null);
  const pad = ' '.repeat(depth * 2);
  const width = Math.max(10, props.width - indent(depth) - 2);
  const meta = stepMeta(record);
  const marks = (record?.edited ? EDITED.length : 0) + (record?.stale ? STALE.length : 0);
  const used = indent(depth) + 2 + columnWidth(props.as) + 1 + props.action.length + marks;
  const headerRoom = Math.max(0, props.width - used - 2 - (meta ? meta.length + 3 : 0));
  const suffix = headerSuffix(record, compact, headerRoom);
  // the cost sits at the right edge, so the name and the output's first line stay where they were
  const shownSuffix = suffix && suffix.text ? 2 + columnWidth(suffix.text) : 0;
  const gap = meta ? props.width - 1 - used - shownSuffix - meta.length : 0;
  const expanded = !compact && (record || props.preview !== undefined);
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text wrap="truncate">
        {selected ? <Text color={tint('cyan')}>›</Text> : ' '} {pad}
        {mark === 'running' ? <RunningMark /> : <Text color={tint(MARK_COLORS[mark])}>{MARK_GLYPHS[mark]}</Text>}{' '}
        <Text bold={selected}>{props.as}</Text> <Text dimColor>{props.action}</Text>
        {record?.edited ? <Text color={tint('magenta')}>{EDITED}</Text> : null}
        {record?.stale ? <Text color={tint('yellow')}>{STALE}</Text> : null}
        {suffix && suffix.text ? <Text dimColor={!suffix.color} color={tint(suffix.color)}>{'  '}{suffix.text}</Text> : null}
        {meta && gap >= 2 ? <Text dimColor>{' '.repeat(gap)}{meta}</Text> : null}
      </Text>
      {expanded ? (
        <Box flexDirection="column" marginLeft={indent(depth) + 2} flexShrink={0}>
          {promptLines(props, width).map((line, index) => (
            <Text key={`p${index}`} dimColor wrap="truncate">
              {line || ' '}
            </Text>
          ))}
          {toolLines(props, width).map((line, index) => (
            <Text key={`t${index}`} color={tint(line.color)} dimColor={!line.color} wrap="truncate">
              {line.text}
            </Text>
          ))}
          <StreamingText text={streamedText(props)} width={width} height={props.outputLines} scroll={props.scroll} moreBelow={heldBack(props)} />
          {errorLines(props, width).map((line, index) => (
            <Text key={`e${index}`} color={tint('red')} wrap="truncate">
              {line}
            </Text>
          ))}
          {record?.warnings.map((warning, index) => (
            <Text key={`w${index}`} color={tint('yellow')} wrap="truncate">
              ! {warning}
            </Text>
          ))}
        </Box>
      ) : null}
    </Box>
  );
}

export const StepView = memo(StepViewImpl);
