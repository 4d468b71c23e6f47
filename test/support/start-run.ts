// Compiles a fixture workflow and starts a run on it with the real sandbox and models.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '../../src/compiler/index.js';
import { createRun, type CreateRunOptions } from '../../src/runtime/create-run.js';
import type { Run } from '../../src/runtime/run.js';
import type { RunEvent } from '../../src/runtime/types.js';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

export function compileFixture(name: string, text = readFileSync(join(FIXTURES, name), 'utf8')) {
  const result = compile(text, join(FIXTURES, name));
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (!result.workflow || errors.length) throw new Error(`${name} does not compile: ${JSON.stringify(errors)}`);
  return result.workflow;
}

export async function startRun(name: string, options: Partial<CreateRunOptions> & { text?: string } = {}): Promise<{ run: Run; events: RunEvent[] }> {
  const workflow = options.workflow ?? compileFixture(name, options.text);
  const run = await createRun({ env: { STEPWISE_ECHO_DELAY_MS: '0' }, ...options, workflow, inputs: options.inputs ?? defaults(workflow) });
  const events: RunEvent[] = [];
  run.subscribe((event) => events.push(event));
  run.start();
  await run.idle();
  return { run, events };
}

function defaults(workflow: ReturnType<typeof compileFixture>): Record<string, unknown> {
  return Object.fromEntries(workflow.inputs.filter((f) => 'default' in f).map((f) => [f.name, f.default]));
}

/** Outputs by key, for exact assertions. */
export function outputs(run: Run): Record<string, unknown> {
  return Object.fromEntries(run.state.order.filter((k) => run.state.steps[k]!.action && run.state.steps[k]!.status === 'done').map((k) => [k, run.state.steps[k]!.output]));
}
