// `runWorkflow(file, options)`: a headless run to the end, saved as a session like
// `stepwise run --headless`, returning the document `run --headless --json` prints.
// It never prints, never installs signal handlers and never needs a terminal.
import { join, resolve } from 'node:path';
import type { RunEvent } from '../runtime/types.js';
import { autosave } from '../session/autosave.js';
import { runDirectory } from '../session/directory.js';
import { OUTPUT_FILE } from '../session/write-session.js';
import { runDocument, type RunDocument } from './run-document.js';
import { loadRun, type RunOptions } from './load-workflow.js';

export interface RunWorkflowOptions extends RunOptions {
  /** save the session under this folder instead of `.stepwise/runs/` next to the workflow, like `--out` */
  out?: string;
  /** aborting cancels the running step; the run is saved and its document says it was aborted */
  signal?: AbortSignal;
  /** every event of the run as it happens (the same events the TUI renders) */
  onEvent?: (event: RunEvent) => void;
}

export async function runWorkflow(file: string, options: RunWorkflowOptions = {}): Promise<RunDocument> {
  const { loaded, run } = await loadRun(file, options);
  const cwd = options.cwd ?? process.cwd();
  const dir = runDirectory(loaded.file, Date.now(), options.out === undefined ? undefined : resolve(cwd, options.out));
  const unsubscribe = options.onEvent ? run.subscribe(options.onEvent) : () => {};
  const saver = autosave(run, dir);
  let aborted = false;
  const abort = () => {
    aborted = true;
    run.cancel();
  };
  if (options.signal?.aborted) aborted = true;
  else options.signal?.addEventListener('abort', abort, { once: true });
  try {
    if (!aborted) {
      run.start();
      run.continue();
      await run.idle();
    }
  } finally {
    options.signal?.removeEventListener('abort', abort);
    unsubscribe();
    saver.flush(true);
    saver.stop();
    run.dispose();
  }
  const stopped = aborted ? `aborted: the run was saved in ${dir}` : null;
  return runDocument(loaded.workflow, run.state, { dir, transcript: join(dir, OUTPUT_FILE), saveError: saver.error(), stopped });
}
