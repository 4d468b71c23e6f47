// The package entry: `import { compile, runWorkflow, createRun, defineConfig } from 'stepwise'`.
// stepwise.config.* files load this module too (through jiti, on every config edit), so it
// stays small: the engine behind compile, runWorkflow and createRun is imported on first call.
import type { CheckDocument } from './compiler/check-document.js';
import type { CompileTextOptions } from './library/compile-text.js';
import type { RunWorkflowOptions } from './library/run-workflow.js';
import type { CreateRunOptions, WorkflowRun } from './library/step-run.js';
import type { RunDocument } from './library/run-document.js';

export { defineAction } from './actions/define.js';
export type { ActionContext, ActionDefinition } from './actions/define.js';
export { defineConfig } from './config/define.js';
export type { StepwiseConfig } from './config/define.js';
export type { ProviderSetting } from './models/model-config.js';
export { defineTool } from './tools/define.js';
export type { ToolContext, ToolDefinition } from './tools/define.js';
export type { ToolAnswer, ToolCall } from './tools/tool-call.js';
export { StepwiseError, type StepwiseErrorKind } from './library/errors.js';
export type { CheckDocument, CheckInput } from './compiler/check-document.js';
export type { Diagnostic, SelectOption } from './compiler/types.js';
export type { RunDocument, RunDocumentStep } from './library/run-document.js';
export type { CompileTextOptions, RunWorkflowOptions, CreateRunOptions, WorkflowRun };
export type { StepPreview } from './runtime/preview.js';
export type { RunCommands, RunEvent, RunListener, RunState, RunStatus, StepRecord, StepStatus, StepVersion } from './runtime/types.js';

/**
 * Compiles a workflow's text, with the custom actions of the stepwise.config.* next to
 * `file` (default `workflow.mdx`), and resolves to what `stepwise check --json FILE` prints.
 * A config that does not load rejects with a StepwiseError; compile errors are in `diagnostics`.
 */
export async function compile(text: string, file?: string, options?: CompileTextOptions): Promise<CheckDocument> {
  return (await import('./library/compile-text.js')).compileText(text, file, options);
}

/**
 * Runs the workflow `file` to the end without a terminal, saves the session as
 * `stepwise run --headless` does, and resolves to what `run --headless --json` prints
 * (a failed step is `ok: false` with its `error`). A file that cannot be read, does not
 * compile or lacks an input rejects with a StepwiseError.
 */
export async function runWorkflow(file: string, options?: RunWorkflowOptions): Promise<RunDocument> {
  return (await import('./library/run-workflow.js')).runWorkflow(file, options);
}

/**
 * The step-by-step run of `file`, waiting at its first action: send it commands
 * (`next`, `runPhase`, `continue`, `rerun`, `edit`, `feedback`, `rewind`…) and follow its
 * events. Call `dispose()` when done.
 */
export async function createRun(file: string, options?: CreateRunOptions): Promise<WorkflowRun> {
  return (await import('./library/step-run.js')).createStepRun(file, options);
}
