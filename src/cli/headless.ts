// The headless front end (SPEC §2.2): runs to the end, streams steps (or prints one JSON
// document with --json), saves output.md and run.json, exits 0 / 1.
import { resolve } from 'node:path';
import { colorEnabled, stderrColorEnabled, type CliIO } from './io.js';
import { palette } from './paint.js';
import type { PreparedRun } from './run.js';
import type { RunState } from '../runtime/types.js';
import type { Workflow } from '../compiler/types.js';
import { createRun } from '../runtime/create-run.js';
import { runDirectory, saveRun } from '../runtime/save.js';
import { reportHeadless } from './headless-reporter.js';
import { missingInputMessage } from '../runtime/inputs.js';

export function resultDocument(workflow: Workflow, state: RunState, transcript: string | null) {
  const outputs: Record<string, unknown> = {};
  const phases = workflow.root.phases.map((phase) => ({
    steps: phase.steps.flatMap((step) => {
      if (!step.action) return [];
      const record = state.steps[step.id];
      const output = record && record.status === 'done' ? record.output : null;
      if (record && record.status === 'done') outputs[step.action.as] = output;
      return [{ action: step.action.name, as: step.action.as, prompt: record?.prompt ?? null, output: output ?? null }];
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

export async function runHeadless(prepared: PreparedRun, io: CliIO): Promise<number> {
  if (prepared.missing.length) {
    for (const name of prepared.missing) {
      const field = prepared.workflow.inputs.find((f) => f.name === name)!;
      io.stderr(`${missingInputMessage(field)}\n`);
    }
    return 2;
  }
  const run = await createRun({
    workflow: prepared.workflow,
    inputs: prepared.given,
    config: prepared.config,
    modelOverride: prepared.args.model ?? null,
    env: io.env,
  });
  const json = prepared.args.json;
  const err = palette(stderrColorEnabled(io));
  const unsubscribe = json ? () => {} : reportHeadless(run, { write: io.stdout, warn: io.stderr, out: palette(colorEnabled(io)), err });
  const stop = () => run.cancel();
  process.once('SIGINT', stop);
  try {
    run.start();
    run.continue();
    await run.idle();
  } finally {
    process.off('SIGINT', stop);
    unsubscribe();
  }
  const directory = runDirectory(prepared.file, run.state.startedAt, prepared.args.out ? resolve(io.cwd, prepared.args.out) : undefined);
  let transcript: string | null = null;
  try {
    transcript = saveRun(run.state, directory).transcript;
  } catch (error) {
    io.stderr(`could not save the run to ${directory}: ${(error as Error).message}\n`);
  }
  run.dispose();
  const ok = run.state.status === 'done';
  if (json) io.stdout(JSON.stringify(resultDocument(prepared.workflow, run.state, transcript)) + '\n');
  else {
    const outcome = ok ? err.green('✓ done') : err.red(`✗ failed: ${run.state.error?.message ?? 'cancelled'}`);
    io.stderr(`\n${outcome}  ${run.state.usage.inputTokens}+${run.state.usage.outputTokens} tokens\n`);
    if (transcript) io.stderr(`saved ${transcript}\n`);
  }
  return ok ? 0 : 1;
}
