// What a session writes to disk: the run as it stands, never `running`, so a snapshot taken
// mid-step resumes like a cancel (the step runs again, its partial text kept).
import type { RunState, StepRecord } from './types.js';

/**
 * A copy of the state that later changes to the run do not reach. The run replaces the
 * values inside a record and never changes a version, so copying the containers (records,
 * order, histories' lists) is enough; outputs and messages are shared, not copied.
 */
export function savedState(state: RunState): RunState {
  const steps: Record<string, StepRecord> = {};
  for (const [key, record] of Object.entries(state.steps)) {
    steps[key] = record.status === 'running' ? { ...record, status: 'cancelled' } : { ...record };
  }
  const history: RunState['history'] = {};
  for (const [key, versions] of Object.entries(state.history)) history[key] = versions.slice();
  return {
    ...state,
    status: state.status === 'running' ? 'paused' : state.status,
    order: state.order.slice(),
    steps,
    history,
    pending: state.pending ? { ...state.pending } : null,
  };
}
