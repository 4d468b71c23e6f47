// Small run states built by hand, for exact expectations on what a session writes.
import type { RunState, StepRecord, StepVersion } from '../../src/runtime/types.js';

export const STARTED = Date.UTC(2026, 11, 2, 5, 31, 0);

export function record(key: string, fields: Partial<StepRecord> & { action: string | null; phase: number }): StepRecord {
  return {
    key,
    stepId: key.replace(/#\d+/g, ''),
    as: null,
    status: 'done',
    stale: false,
    prompt: '',
    messages: [],
    model: null,
    edited: false,
    attempts: [],
    usage: { inputTokens: 0, outputTokens: 0 },
    startedAt: STARTED,
    endedAt: STARTED + 1000,
    error: null,
    warnings: [],
    fingerprint: `print-${key}`,
    current: 1,
    ...fields,
  };
}

export function version(fields: Partial<StepVersion> = {}): StepVersion {
  return {
    id: 1,
    why: 'generated',
    output: '',
    at: STARTED + 1000,
    model: null,
    usage: { inputTokens: 0, outputTokens: 0 },
    fingerprint: '',
    prompt: '',
    messages: [],
    attempts: [],
    edited: false,
    startedAt: STARTED,
    endedAt: STARTED + 1000,
    ...fields,
  };
}

export function runState(file: string, records: StepRecord[], fields: Partial<RunState> = {}): RunState {
  return {
    version: 1,
    file,
    title: 'poem',
    inputs: {},
    status: 'done',
    order: records.map((r) => r.key),
    steps: Object.fromEntries(records.map((r) => [r.key, r])),
    next: null,
    usage: { inputTokens: 0, outputTokens: 0 },
    startedAt: STARTED,
    error: null,
    history: Object.fromEntries(records.filter((r) => r.action && r.action !== 'Loop' && r.action !== 'Cond').map((r) => [r.key, [version({ output: r.output, model: r.model, prompt: r.prompt })]])),
    pending: null,
    ...fields,
  };
}

/** A poem edited by its author, a loop of two drafts (the second out of date), a Cond and a failed summary. */
export function poemState(file: string): RunState {
  return runState(
    file,
    [
      record('0.0', { action: 'GenText', as: 'poem', phase: 0, model: 'openai:gpt-4o', prompt: 'Write a poem about cats.\n\nKeep it *short*.', output: 'Soft paws at dawn,\n\n**fin**\n', edited: true, usage: { inputTokens: 10, outputTokens: 20 } }),
      record('1.0', { action: 'Loop', as: 'drafts', phase: 1, prompt: 'Now two drafts.', output: [{ draft: 'one' }, { draft: 'two' }] }),
      record('1.0#0/1.0', { action: 'GenText', as: 'draft', phase: 1, model: 'echo', prompt: 'Draft 1', output: 'one' }),
      record('1.0#1/1.0', { action: 'GenText', as: 'draft', phase: 1, model: 'echo', prompt: 'Draft 2', output: 'two', stale: true }),
      record('1.1', { action: 'Cond', as: 'check', phase: 1, output: { verdict: { ok: true } } }),
      record('1.1#0/1.0', { action: 'GenObject', as: 'verdict', phase: 1, model: 'echo', prompt: 'Is it good?', output: { ok: true } }),
      record('1.2', { action: 'GenText', as: 'summary', phase: 1, model: 'echo', prompt: 'Sum up.', status: 'failed', output: undefined, error: { message: 'the model refused', line: 12 } }),
    ],
    {
      status: 'failed',
      inputs: { topic: 'cats' },
      usage: { inputTokens: 10, outputTokens: 20 },
      error: { message: 'the model refused', step: 'summary', line: 12 },
    },
  );
}
