// How many action steps a session has not reached yet, by the workflow as it is now: the
// run list's "steps done of total" would otherwise count only the steps a run reached, and
// a session stopped after its first step of three read `1/1`, as if it were complete.
import type { Action, Workflow } from '../compiler/types.js';
import type { RunState } from '../runtime/types.js';
import { stepKey } from '../runtime/step-key.js';
import { isRecordOf } from '../runtime/step-records.js';

/**
 * The action steps of the top-level steps `state` holds no record of (a Loop or Cond not
 * reached counts its body's steps once: how often a loop runs is not known before it runs).
 */
export function stepsAhead(workflow: Workflow, state: RunState): number {
  let count = 0;
  for (const phase of workflow.root.phases) {
    for (const step of phase.steps) {
      if (!step.action) continue;
      const record = state.steps[stepKey('', step)];
      if (isRecordOf(record, step.action.name, step.action.as)) continue;
      count += actionSteps(step.action);
    }
  }
  return count;
}

function actionSteps(action: Action): number {
  if (action.kind !== 'block' || !action.body) return 1;
  let count = 0;
  for (const phase of action.body.phases) for (const step of phase.steps) if (step.action) count += actionSteps(step.action);
  return count;
}
