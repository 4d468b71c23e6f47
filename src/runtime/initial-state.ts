// The state a run starts from: a fresh one for the workflow, or a saved run to resume
// (its results come back by fingerprint where they still hold; a step that was running
// when it was saved counts as cancelled, its partial text kept in its history).
import type { Workflow } from '../compiler/types.js';
import type { RunState } from './types.js';
import { historyFromRecords, StepHistory, versionOf } from './step-history.js';
import { isBlockAction } from '../compiler/action-specs.js';

export function initialState(workflow: Workflow, inputs: Record<string, unknown>, saved?: RunState): RunState {
  if (!saved) {
    return {
      version: 1,
      file: workflow.file,
      title: workflow.title,
      inputs,
      status: 'ready',
      order: [],
      steps: {},
      next: null,
      usage: { inputTokens: 0, outputTokens: 0 },
      startedAt: Date.now(),
      error: null,
      history: {},
      pending: null,
    };
  }
  const copy = structuredClone(saved);
  // run.json files written before histories existed
  const state: RunState = { ...copy, inputs, status: 'ready', next: null, error: null, pending: null, history: copy.history ?? historyFromRecords(copy.steps) };
  const history = new StepHistory(state);
  for (const record of Object.values(state.steps)) {
    if (record.status === 'running') record.status = 'cancelled';
    if (record.status !== 'cancelled') continue;
    // savedState keeps a running step's partial text: it joins the step's history here
    if (record.partial !== undefined && !record.current && !isBlockAction(record.action)) {
      record.current = history.add(record.key, versionOf(record, { why: 'cancelled', partial: record.partial })).id;
    }
    record.partial = undefined;
  }
  return state;
}
