// What a run.json must hold before a run may resume from it. A file edited by hand (or by
// another tool) can be valid JSON and still miss what the run reads at once: a step record
// that is null, usage that is not a pair of numbers, a history that is not a list. Each
// such problem is named here, so loading says what is wrong instead of the run crashing.
import type { RunState, StepStatus } from '../runtime/types.js';

const STATUSES = new Set<StepStatus>(['running', 'done', 'failed', 'cancelled']);

/** The first thing in `value` a resumed run could not use, or null when it has the shape of a run. */
export function runShapeProblem(value: unknown): string | null {
  if (!isObject(value)) return 'no version 1 run state in it';
  const state = value as Partial<RunState>;
  if (state.version !== 1 || typeof state.file !== 'string' || typeof state.startedAt !== 'number' || typeof state.status !== 'string') {
    return 'no version 1 run state in it';
  }
  if (!Array.isArray(state.order) || !state.order.every((key) => typeof key === 'string')) return '`order` is not a list of step keys';
  if (!isObject(state.steps)) return '`steps` is not an object of step records';
  if (!isUsage(state.usage)) return '`usage` is not { inputTokens, outputTokens }';
  for (const [key, record] of Object.entries(state.steps)) {
    if (!isObject(record) || typeof record.key !== 'string' || !STATUSES.has(record.status as StepStatus)) return `steps["${key}"] is not a step record`;
    if (record.usage !== undefined && !isUsage(record.usage)) return `steps["${key}"].usage is not { inputTokens, outputTokens }`;
  }
  if (state.history === undefined || state.history === null) return null;
  if (!isObject(state.history)) return '`history` is not an object of step histories';
  for (const [key, versions] of Object.entries(state.history)) {
    if (!Array.isArray(versions) || !versions.every((version) => isObject(version) && typeof version.id === 'number')) return `history["${key}"] is not a list of versions`;
  }
  return null;
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isUsage(value: unknown): boolean {
  return isObject(value) && Number.isFinite(value.inputTokens) && Number.isFinite(value.outputTokens);
}
