// The state a run starts from: a fresh one for the workflow, or a saved run to resume
// (its results are kept where they still hold; a step that was running when it was saved
// counts as cancelled).
import type { Workflow } from '../compiler/types.js';
import type { RunState } from './types.js';

export function initialState(workflow: Workflow, inputs: Record<string, unknown>, saved?: RunState): RunState {
  const state: RunState = saved
    ? { ...structuredClone(saved), inputs, status: 'ready', next: null, error: null }
    : {
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
      };
  for (const record of Object.values(state.steps)) {
    if (record.status === 'running') record.status = 'cancelled';
  }
  return state;
}
