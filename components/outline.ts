// The flat list the author moves over with ↑/↓: phase headers, and under each phase its
// steps (top-level actions when collapsed; every step, loop iteration and block body,
// nested, when expanded). Derived from the compiled workflow plus the run's records.
import type { Scope, Step, Workflow } from '../src/compiler/types.js';
import type { StepRecord } from '../src/runtime/types.js';
import { bodyScope, isInBody, stepKey } from '../src/runtime/step-key.js';

export type OutlineItem =
  | { id: string; kind: 'phase'; phase: number }
  | { id: string; kind: 'step'; phase: number; key: string; step: Step; depth: number; compact: boolean }
  | { id: string; kind: 'iteration'; phase: number; key: string; index: number; depth: number }
  | { id: string; kind: 'trailing'; phase: number; key: string; depth: number };

export function isSelectable(item: OutlineItem): boolean {
  return item.kind === 'phase' || item.kind === 'step';
}

export function buildOutline(workflow: Workflow, records: Record<string, StepRecord>, expanded: (phase: number) => boolean): OutlineItem[] {
  const items: OutlineItem[] = [];
  workflow.root.phases.forEach((phase, index) => {
    items.push({ id: `p:${index}`, kind: 'phase', phase: index });
    if (!expanded(index)) {
      for (const step of phase.steps) {
        if (!step.action) continue;
        const key = stepKey('', step);
        items.push({ id: `s:${key}`, kind: 'step', phase: index, key, step, depth: 1, compact: true });
      }
      return;
    }
    addSteps(items, phase.steps, '', index, 1, records);
  });
  return items;
}

function addSteps(items: OutlineItem[], steps: Step[], prefix: string, phase: number, depth: number, records: Record<string, StepRecord>): void {
  for (const step of steps) {
    const key = stepKey(prefix, step);
    if (!step.action) {
      if (records[key]?.prompt) items.push({ id: `t:${key}`, kind: 'trailing', phase, key, depth });
      continue;
    }
    items.push({ id: `s:${key}`, kind: 'step', phase, key, step, depth, compact: false });
    const body = step.action.body;
    if (!body) continue;
    if (step.action.name === 'Loop') {
      for (let index = 0; hasIteration(records, key, index); index++) {
        items.push({ id: `i:${bodyScope(key, index)}`, kind: 'iteration', phase, key, index, depth: depth + 1 });
        addScope(items, body, bodyScope(key, index), phase, depth + 2, records);
      }
    } else if (hasIteration(records, key, 0)) {
      addScope(items, body, bodyScope(key, 0), phase, depth + 1, records);
    }
  }
}

function addScope(items: OutlineItem[], scope: Scope, prefix: string, phase: number, depth: number, records: Record<string, StepRecord>): void {
  for (const bodyPhase of scope.phases) addSteps(items, bodyPhase.steps, prefix, phase, depth, records);
}

function hasIteration(records: Record<string, StepRecord>, key: string, index: number): boolean {
  for (const other of Object.keys(records)) if (isInBody(other, key, index)) return true;
  return false;
}

/** Records of steps that have a result, in the phase, in execution order. */
export function phaseRecords(order: string[], records: Record<string, StepRecord>, phase: number): StepRecord[] {
  const found: StepRecord[] = [];
  for (const key of order) {
    const record = records[key];
    if (record && record.phase === phase && record.action) found.push(record);
  }
  return found;
}
