// The file line of a step's action, for failures that carry no line of their own (a
// model or provider error belongs to the action that called it).
import type { Scope, Workflow } from './types.js';

export function stepLine(workflow: Workflow, stepId: string): number | null {
  const scopes: Scope[] = [workflow.root];
  while (scopes.length > 0) {
    for (const phase of scopes.pop()!.phases) {
      for (const step of phase.steps) {
        if (step.id === stepId) return step.action?.line ?? step.line;
        if (step.action?.body) scopes.push(step.action.body);
      }
    }
  }
  return null;
}
