// Hand-made step records for component tests.
import type { StepRecord } from '../../src/runtime/types.js';

export function record(overrides: Partial<StepRecord> = {}): StepRecord {
  return {
    key: '0.0',
    stepId: '0.0',
    action: 'GenText',
    as: 'poem',
    phase: 0,
    status: 'done',
    stale: false,
    prompt: 'Write a poem about cats.',
    messages: [{ role: 'user', content: 'Write a poem about cats.' }],
    model: 'echo',
    output: 'Soft paws\nin the night',
    edited: false,
    attempts: [],
    usage: { inputTokens: 5, outputTokens: 4 },
    startedAt: 1000,
    endedAt: 2000,
    error: null,
    warnings: [],
    fingerprint: 'f',
    ...overrides,
  };
}

/** A step's row as drawn `width` columns wide, with the record's cost (`5+4 tokens 1.0s`) at its right edge. */
export function withCost(row: string, width: number, cost = '5+4 tokens 1.0s'): string {
  return row + ' '.repeat(width - 1 - [...row].length - cost.length) + cost;
}
