// The top line: file, compile status, run state, model, tokens, elapsed time.
import { basename } from 'node:path';
import { Box, Text } from 'ink';
import type { RunStatus } from '../src/runtime/types.js';
import type { Usage } from '../src/models/types.js';
import { useNow } from './hooks/useNow.js';
import { formatElapsed } from './format.js';
import { tint, type Tint } from './palette.js';
import { FileStateNote } from './FileStateNote.js';
import type { FileState } from './hooks/useWorkflowFile.js';

export interface HeaderProps {
  file: string;
  errors: number;
  status: RunStatus | null;
  model: string;
  usage: Usage;
  /** estimated output tokens of what is streaming now: shown as `~` until the provider counts them */
  streamingTokens?: number;
  activeMs: number;
  runningSince: number | null;
  /** when the session this run continues was last saved */
  resumedAt?: number | null;
  /** deleted, or not watched (--no-watch): said beside the file name */
  fileState?: FileState;
}

const STATUS_COLORS: Record<RunStatus, Tint> = { ready: 'white', running: 'cyan', paused: 'yellow', done: 'green', failed: 'red' };

export function Header({ file, errors, status, model, usage, streamingTokens = 0, activeMs, runningSince, resumedAt = null, fileState = 'watching' }: HeaderProps) {
  const now = useNow(runningSince !== null);
  const elapsed = activeMs + (runningSince !== null ? Math.max(0, now - runningSince) : 0);
  const state = status ?? 'ready';
  return (
    <Box height={1} overflow="hidden">
      <Text wrap="truncate">
        <Text bold>{basename(file)}</Text>
        <FileStateNote state={fileState} />
        {resumedAt !== null ? <Text dimColor>{` · resumed from ${formatSavedAt(resumedAt)}`}</Text> : null}
        {' │ '}
        {errors ? <Text color={tint('red')}>{errors} error{errors === 1 ? '' : 's'}</Text> : <Text color={tint('green')}>ok</Text>}
        {' │ '}
        <Text color={tint(STATUS_COLORS[state])}>{state}</Text>
        {' │ '}
        {model}
        {' │ '}
        {`${usage.inputTokens} in + ${streamingTokens ? '~' : ''}${usage.outputTokens + streamingTokens} out tokens`}
        {' │ '}
        {formatElapsed(elapsed)}
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
