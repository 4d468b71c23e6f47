// The top line: file and title, compile status, run state, model, tokens, elapsed time.
// The title gives way first on a narrow screen: the state and the numbers always show.
import { basename } from 'node:path';
import { Box, Text } from 'ink';
import type { RunStatus } from '../src/runtime/types.js';
import type { Usage } from '../src/models/types.js';
import { useNow } from './hooks/useNow.js';
import { formatElapsed } from './format.js';
import { clipColumns, columnWidth } from './columns.js';
import { tint, type Tint } from './palette.js';
import { fileTitle } from '../src/compiler/title.js';
import { plural } from '../src/compiler/format-diagnostics.js';
import { FileStateNote, fileStateNote } from './FileStateNote.js';
import type { FileState } from './hooks/useWorkflowFile.js';

export interface HeaderProps {
  file: string;
  /** the workflow's title; not shown when it is only the file's name */
  title?: string;
  errors: number;
  /** compile warnings (the file runs; `!` lists them) */
  warnings?: number;
  status: RunStatus | null;
  /** Space was pressed: the run stops after the current action */
  pausing?: boolean;
  /** a tool call waits for the author's answer: the run is theirs to move, not running */
  asking?: boolean;
  model: string;
  usage: Usage;
  /** estimated output tokens of what is streaming now: shown as `~` until the provider counts them */
  streamingTokens?: number;
  activeMs: number;
  runningSince: number | null;
  /** when the session this run continues was last saved */
  resumedAt?: number | null;
  /** the screen's width (the title is clipped to what the rest leaves) */
  width?: number;
  /** deleted, or not watched (--no-watch): said beside the file name */
  fileState?: FileState;
}

const STATUS_COLORS: Record<RunStatus | 'pausing' | 'waiting', Tint> = { ready: 'white', running: 'cyan', pausing: 'yellow', waiting: 'yellow', paused: 'yellow', done: 'green', failed: 'red' };

export function Header({ file, title, errors, warnings = 0, status, pausing = false, asking = false, model, usage, streamingTokens = 0, activeMs, runningSince, resumedAt = null, width = 1000, fileState = 'watching' }: HeaderProps) {
  const now = useNow(runningSince !== null);
  const elapsed = activeMs + (runningSince !== null ? Math.max(0, now - runningSince) : 0);
  const state = status === 'running' && asking ? 'waiting' : status === 'running' && pausing ? 'pausing' : (status ?? 'ready');
  const compiled = errors ? plural(errors, 'error') : warnings ? plural(warnings, 'warning') : 'ok';
  const out = `${streamingTokens ? '~' : ''}${usage.outputTokens + streamingTokens}`;
  const middle = ` │ ${compiled} │ ${state} │ `;
  const fit = fitHeader(width, {
    name: basename(file),
    note: fileStateNote(fileState),
    shortNote: fileStateNote(fileState, true),
    resumed: resumedAt !== null ? ` · resumed from ${formatSavedAt(resumedAt)}` : '',
    middle,
    model: `${model} │ `,
    tokens: `${usage.inputTokens} in + ${out} out tokens`,
    shortTokens: `${usage.inputTokens}+${out} tok`,
    end: ` │ ${formatElapsed(elapsed)}`,
  });
  const room = width - columnWidth(fit.name) - columnWidth(fit.note) - columnWidth(fit.resumed) - columnWidth(fit.rest) - 3;
  const shownTitle = fit.whole && title && title !== fileTitle(basename(file)) && room >= 6 ? clipColumns(title, room) : '';
  return (
    <Box height={1} overflow="hidden">
      <Text wrap="truncate">
        <Text bold>{fit.name}</Text>
        {shownTitle ? <Text>{` — ${shownTitle}`}</Text> : null}
        <FileStateNote state={fileState} short={fit.note !== fileStateNote(fileState)} />
        {fit.resumed ? <Text dimColor>{fit.resumed}</Text> : null}
        {' │ '}
        <Text color={tint(errors ? 'red' : warnings ? 'yellow' : 'green')}>{compiled}</Text>
        {' │ '}
        <Text color={tint(STATUS_COLORS[state])}>{state}</Text>
        {` │ ${fit.rest.slice(middle.length)}`}
      </Text>
    </Box>
  );
}

interface HeaderPieces {
  name: string;
  note: string;
  shortNote: string;
  resumed: string;
  /** ` │ ok │ running │ ` */
  middle: string;
  model: string;
  tokens: string;
  shortTokens: string;
  end: string;
}

/**
 * What fits on one line. The title gives way first (in the caller); then the tokens are
 * written short, the model, the "resumed" note and the long form of the file's state go,
 * and last the file name is clipped: the compile status, run state, tokens and time always
 * show (at 60 columns they used to be cut off the edge).
 */
export function fitHeader(width: number, pieces: HeaderPieces): { name: string; note: string; resumed: string; rest: string; whole: boolean } {
  const { name, middle, end } = pieces;
  const tries = [
    { note: pieces.note, resumed: pieces.resumed, rest: middle + pieces.model + pieces.tokens + end },
    { note: pieces.note, resumed: pieces.resumed, rest: middle + pieces.model + pieces.shortTokens + end },
    { note: pieces.note, resumed: pieces.resumed, rest: middle + pieces.shortTokens + end },
    { note: pieces.note, resumed: '', rest: middle + pieces.shortTokens + end },
    { note: pieces.shortNote, resumed: '', rest: middle + pieces.shortTokens + end },
    { note: pieces.shortNote, resumed: '', rest: middle + pieces.shortTokens.replace(/ tok$/, '') + end },
  ];
  const used = (tried: (typeof tries)[number]) => columnWidth(tried.note) + columnWidth(tried.resumed) + columnWidth(tried.rest);
  const chosen = tries.find((tried) => columnWidth(name) + used(tried) <= width) ?? tries[tries.length - 1]!;
  return { ...chosen, name: clipColumns(name, Math.max(2, width - used(chosen))), whole: chosen === tries[0] };
}

/** `14:05` today, `Dec 1 14:05` on another day */
export function formatSavedAt(at: number, now = Date.now()): string {
  const date = new Date(at);
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  if (new Date(now).toDateString() === date.toDateString()) return time;
  return `${date.toLocaleString('en', { month: 'short' })} ${date.getDate()} ${time}`;
}
