// Shared helpers for the compiler tests: compile a fixture or an inline workflow.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile, type CompileOptions } from '../../src/compiler/index.js';
import type { CompileResult, Scope, Workflow } from '../../src/compiler/types.js';

export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export function compileFixture(path: string, options?: CompileOptions): CompileResult {
  return compile(readFileSync(FIXTURES + path, 'utf8'), path, options);
}

/** Compiles and insists on a workflow (the text must parse). */
export function workflowOf(text: string, options?: CompileOptions): Workflow {
  const result = compile(text, 'test.mdx', options);
  if (!result.workflow) throw new Error(`did not parse: ${JSON.stringify(result.diagnostics)}`);
  return result.workflow;
}

export function diagnosticsOf(text: string, options?: CompileOptions) {
  return compile(text, 'test.mdx', options).diagnostics;
}

/** step id -> action name/as (or null), for compact structural assertions */
export function outline(scope: Scope): Array<[string, string | null]> {
  const rows: Array<[string, string | null]> = [];
  for (const phase of scope.phases) {
    for (const step of phase.steps) {
      rows.push([step.id, step.action ? `${step.action.name} ${step.action.as}` : null]);
      if (step.action?.body) rows.push(...outline(step.action.body));
    }
  }
  return rows;
}
