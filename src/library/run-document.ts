// The `run --headless --json` document (docs/cli.md §5), built in one place so the headless
// command and the library's runWorkflow can never disagree about what a run produced.
import type { RunState, ToolCall } from '../runtime/types.js';
import type { Workflow } from '../compiler/types.js';
import { stepLine } from '../compiler/step-line.js';

export interface RunDocumentStep {
  action: string;
  as: string;
  prompt: string | null;
  output: unknown;
  /** the tools the model called in this step, with their arguments and results (only when it called any) */
  toolCalls?: ToolCall[];
}

export interface RunDocument {
  ok: boolean;
  title: string;
  inputs: Record<string, unknown>;
  /** every top-level result, in order */
  outputs: Record<string, unknown>;
  phases: Array<{ steps: RunDocumentStep[] }>;
  usage: { inputTokens: number; outputTokens: number };
  error: { message: string; step: string | null; line: number | null } | null;
  /** the saved output.md, or null when the run could not be saved */
  transcript: string | null;
  /** the saved session folder, or null when the run could not be saved */
  session: string | null;
}

export function resultDocument(workflow: Workflow, state: RunState, transcript: string | null) {
  const outputs: Record<string, unknown> = {};
  const phases = workflow.root.phases.map((phase) => ({
    steps: phase.steps.flatMap((step) => {
      if (!step.action) return [];
      const record = state.steps[step.id];
      const output = record && record.status === 'done' ? record.output : null;
      if (record && record.status === 'done') outputs[step.action.as] = output;
      const toolCalls = record?.toolCalls?.length ? { toolCalls: record.toolCalls } : {};
      return [{ action: step.action.name, as: step.action.as, prompt: record?.prompt ?? null, output: output ?? null, ...toolCalls }];
    }),
  }));
  return {
    ok: state.status === 'done',
    title: state.title,
    inputs: state.inputs,
    outputs,
    phases,
    usage: state.usage,
    error: state.error,
    transcript,
  };
}

/** The run's error, with the failed step's line when the error has none of its own (a model error). */
export function withStepLine(workflow: Workflow, state: RunState): RunState['error'] {
  const error = state.error;
  if (!error || error.line !== null) return error;
  const failed = state.order.map((key) => state.steps[key]).find((record) => record?.status === 'failed');
  return failed ? { ...error, line: stepLine(workflow, failed.stepId) } : error;
}

/**
 * The whole document of a finished run saved in `dir`. `saveError` (the session could not
 * be written) and `stopped` (why the run was stopped early, with how to continue it) fail it.
 */
export function runDocument(workflow: Workflow, state: RunState, end: { dir: string; transcript: string; saveError: string | null; stopped: string | null }): RunDocument {
  const { dir, saveError, stopped } = end;
  const ok = state.status === 'done' && !saveError && !stopped;
  const error = saveError
    ? { message: `the run could not be saved: ${saveError}`, step: null, line: null }
    : stopped
      ? { message: stopped, step: state.error?.step ?? null, line: null }
      : withStepLine(workflow, state);
  return { ...resultDocument(workflow, state, saveError ? null : end.transcript), ok, error, session: saveError ? null : dir };
}
