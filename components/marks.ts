// Status marks for phases and steps: pending ○, running (a spinner), done ✓, failed ✗,
// stale ~, cancelled ⊘.
import type { Phase } from '../src/compiler/types.js';
import type { RunStatus, StepRecord } from '../src/runtime/types.js';
import { stepKey } from '../src/runtime/step-key.js';
import type { Tint } from './palette.js';
import { isBlockAction } from '../src/compiler/action-specs.js';

export type Mark = 'pending' | 'running' | 'done' | 'failed' | 'stale' | 'cancelled';

export const MARK_GLYPHS: Record<Exclude<Mark, 'running'>, string> = {
  pending: '○',
  done: '✓',
  failed: '✗',
  stale: '~',
  cancelled: '⊘',
};

/** read through tint(): the glyphs alone must tell the marks apart */
export const MARK_COLORS: Partial<Record<Mark, Tint>> = { done: 'green', failed: 'red', stale: 'yellow', running: 'cyan' };

export function stepMark(record: StepRecord | undefined, runStatus: RunStatus | null): Mark {
  if (!record) return 'pending';
  if (record.status === 'failed') return 'failed';
  if (record.stale) return 'stale';
  if (record.status === 'running') return runStatus === 'running' ? 'running' : 'pending';
  if (record.status === 'cancelled') return 'cancelled';
  return 'done';
}

export function phaseMark(phase: Phase, records: Record<string, StepRecord>, phaseIndex: number, runStatus: RunStatus | null): Mark {
  let stale = false;
  let failed = false;
  let running = false;
  for (const record of Object.values(records)) {
    if (record.phase !== phaseIndex || !record.action) continue;
    if (record.status === 'failed') failed = true;
    else if (record.stale) stale = true;
    else if (record.status === 'running' && runStatus === 'running' && !isBlockAction(record.action)) running = true;
  }
  if (running) return 'running';
  if (failed) return 'failed';
  if (stale) return 'stale';
  const actions = phase.steps.filter((step) => step.action);
  const done = actions.length > 0 && actions.every((step) => records[stepKey('', step)]?.status === 'done');
  return done ? 'done' : 'pending';
}
