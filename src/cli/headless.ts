// The headless front end (docs/cli.md §5): runs to the end, streams steps (or prints one JSON
// document with --json), exits 0 / 1. The session (output.md, run.json) is saved as it
// happens; Ctrl+C, SIGTERM and SIGHUP cancel the running step, save and exit 1, and a
// second one exits at once after a synchronous save. --resume continues a saved session.
import { join } from 'node:path';
import { colorEnabled, stderrColorEnabled, type CliIO } from './io.js';
import { palette } from './paint.js';
import type { PreparedRun } from './run.js';
import { createRun } from '../runtime/create-run.js';
import { autosave } from '../session/autosave.js';
import { OUTPUT_FILE } from '../session/write-session.js';
import { openSession } from './open-session.js';
import { onExit, type ExitSignal } from './exit.js';
import { reportHeadless } from './headless-reporter.js';
import { missingInputMessage } from '../runtime/inputs.js';
import { runDocument, type RunDocument } from '../library/run-document.js';

export async function runHeadless(prepared: PreparedRun, io: CliIO): Promise<number> {
  const session = openSession(prepared, io, { resume: prepared.args.resume, required: true });
  if ('error' in session) {
    io.stderr(`${session.error}\n`);
    return 2;
  }
  if (session.missing.length) {
    for (const name of session.missing) {
      const field = prepared.workflow.inputs.find((f) => f.name === name)!;
      io.stderr(`${missingInputMessage(field)}\n`);
    }
    return 2;
  }
  const run = await createRun({
    workflow: prepared.workflow,
    inputs: session.inputs,
    config: prepared.config,
    modelOverride: prepared.args.model ?? null,
    timeout: prepared.args.timeout,
    env: io.env,
    state: session.state,
    noTools: prepared.args.noTools,
  });
  const json = prepared.args.json;
  const err = palette(stderrColorEnabled(io));
  if (session.state && !json) io.stderr(`resuming ${session.dir}\n`);
  const unsubscribe = json ? () => {} : reportHeadless(run, prepared.workflow, { write: io.stdout, warn: io.stderr, out: palette(colorEnabled(io)), err });
  const saver = autosave(run, session.dir, { savedAt: session.savedAt, savedIno: session.savedIno, onMoved: (_dir, message) => io.stderr(`${message}\n`) });
  let interrupted: ExitSignal | null = null;
  const uninstall = onExit({
    stop(signal) {
      interrupted = signal;
      io.stderr('\nstopping: cancelling the running step and saving; press Ctrl+C again to quit at once\n');
      run.cancel();
    },
    now() {
      // a second Ctrl+C: the running step is saved as cancelled, with its partial text
      saver.flush(true);
      io.stderr(`\ninterrupted: saved ${saver.dir}\n`);
    },
  });
  try {
    run.start();
    run.continue();
    await run.idle();
  } finally {
    uninstall();
    unsubscribe();
  }
  saver.flush(true);
  saver.stop();
  run.dispose();
  const saveError = saver.error();
  const state = run.state;
  const stopped = interrupted ? `interrupted (${interrupted}): the run was saved; continue it with --resume` : null;
  const document = runDocument(prepared.workflow, state, { dir: saver.dir, transcript: join(saver.dir, OUTPUT_FILE), saveError, stopped });
  const { ok, error, transcript } = document;
  if (json) io.stdout(printableDocument(document) + '\n');
  else {
    const outcome = ok ? err.green('✓ done') : err.red(`✗ ${saveError || interrupted ? '' : 'failed: '}${error?.message ?? 'stopped'}`);
    io.stderr(`\n${outcome}  ${state.usage.inputTokens}+${state.usage.outputTokens} tokens\n`);
    if (transcript) io.stderr(`saved ${transcript}\n`);
  }
  return ok ? 0 : 1;
}

/** The --json document; one too large for a single string (limits.saved raised far) fails the run's document, not the process. */
function printableDocument(document: RunDocument): string {
  try {
    return JSON.stringify(document);
  } catch (error) {
    const where = document.session ? `its results are saved in ${document.session}` : 'the run was not saved';
    const message = `the --json document could not be built (${(error as Error).message}): ${where}; lower \`limits.saved\` in stepwise.config.ts`;
    return JSON.stringify({ ok: false, title: document.title, error: { message, step: null, line: null }, session: document.session });
  }
}
