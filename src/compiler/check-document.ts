// The `stepwise check --json` document for one file (docs/cli.md §4).
import { fileTitle } from './title.js';
import type { CompileResult, Diagnostic, SelectOption } from './types.js';

export interface CheckInput {
  name: string;
  type: string;
  default?: unknown;
  options?: SelectOption[];
}

export interface CheckDocument {
  file: string;
  ok: boolean;
  title: string;
  description: string | null;
  inputs: CheckInput[];
  phases: Array<{ line: number; actions: Array<{ action: string; as: string; line: number }> }>;
  diagnostics: Diagnostic[];
}

/** Top-level phases and actions only: a Loop's body is part of the Loop. */
export function checkDocument(file: string, result: CompileResult): CheckDocument {
  const ok = !result.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  const workflow = result.workflow;
  if (!workflow) {
    return { file, ok, title: fileTitle(file), description: null, inputs: [], phases: [], diagnostics: result.diagnostics };
  }
  return {
    file,
    ok,
    title: workflow.title,
    description: workflow.description,
    inputs: workflow.inputs.map((input) => {
      const entry: CheckInput = { name: input.name, type: input.type };
      if ('default' in input) entry.default = input.default;
      if (input.options) entry.options = input.options;
      return entry;
    }),
    phases: workflow.root.phases.map((phase) => ({
      line: phase.line,
      actions: phase.steps.flatMap((step) => (step.action ? [{ action: step.action.name, as: step.action.as, line: step.action.line }] : [])),
    })),
    diagnostics: result.diagnostics,
  };
}
