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
import { FileStateNote, fileStateNote } from './FileStateNote.js';
import type { FileState } from './hooks/useWorkflowFile.js';

export interface HeaderProps {
  file: string;
  /** the workflow's title; not shown when it is only the file's name */
  title?: string;
  errors: number;
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

export function Header({ file, title, errors, status, pausing = false, asking = false, model, usage, streamingTokens = 0, activeMs, runningSince, resumedAt = null, width = 1000, fileState = 'watching' }: HeaderProps) {
  const now = useNow(runningSince !== null);
  const elapsed = activeMs + (runningSince !== null ? Math.max(0, now - runningSince) : 0);
  const state = status === 'running' && asking ? 'waiting' : status === 'running' && pausing ? 'pausing' : (status ?? 'ready');
  const name = basename(file);
  const resumed = resumedAt !== null ? ` · resumed from ${formatSavedAt(resumedAt)}` : '';
  const compiled = errors ? `${errors} error${errors === 1 ? '' : 's'}` : 'ok';
  const tokens = `${usage.inputTokens} in + ${streamingTokens ? '~' : ''}${usage.outputTokens + streamingTokens} out tokens`;
  const rest = ` │ ${compiled} │ ${state} │ ${model} │ ${tokens} │ ${formatElapsed(elapsed)}`;
  const room = width - columnWidth(name) - columnWidth(fileStateNote(fileState)) - columnWidth(resumed) - columnWidth(rest) - 3;
  const shownTitle = title && title !== fileTitle(name) && room >= 6 ? clipColumns(title, room) : '';
  return (
    <Box height={1} overflow="hidden">
      <Text wrap="truncate">
        <Text bold>{name}</Text>
        {shownTitle ? <Text>{` — ${shownTitle}`}</Text> : null}
        <FileStateNote state={fileState} />
        {resumed ? <Text dimColor>{resumed}</Text> : null}
        {' │ '}
        {errors ? <Text color={tint('red')}>{compiled}</Text> : <Text color={tint('green')}>ok</Text>}
        {' │ '}
        <Text color={tint(STATUS_COLORS[state])}>{state}</Text>
        {` │ ${model} │ ${tokens} │ ${formatElapsed(elapsed)}`}
      </Text>
    </Box>
  );
}

/** `14:05` today, `Dec 1 14:05` on another day */
export function formatSavedAt(at: number, now = Date.now()): string {
  const date = new Date(at);
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  if (new Date(now).toDateString() === date.toDateString()) return time;
  return `${date.toLocaleString('en', { month: 'short' })} ${date.getDate()} ${time}`;
}
