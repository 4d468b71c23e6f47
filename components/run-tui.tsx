// The TUI front end: the App full-screen on the alternate screen buffer, restored on every
// way out (quit, Ctrl+C, a crash, SIGTERM, SIGHUP). It continues the session it is given
// (the file's latest unless --fresh), and saves it as it happens once any step ran.
import { render } from 'ink';
import type { RunHandle } from '../src/runtime/run-handle.js';
import type { Workflow } from '../src/compiler/types.js';
import { compile } from '../src/compiler/index.js';
import { customActionSpecs } from '../src/actions/specs.js';
import { toolNames } from '../src/tools/registry.js';
import { join, relative } from 'node:path';
import { autosave, type Autosave } from '../src/session/autosave.js';
import { OUTPUT_FILE } from '../src/session/write-session.js';
import type { TuiHost, TuiRun, TuiSession } from './tui-start.js';
import { createSaveProblem } from './save-problem.js';
import { App } from './App.js';
import { suspendTerminal } from './editor.js';
import { takeScreen } from './alternate-screen.js';

// the TUI on a file that does not compile yet (src/cli/run.ts calls it before runTui)
export { waitForGoodSave } from './wait-for-good-save.js';

/** how long a signal waits for the running step to take its cancel before saving anyway */
const STOP_GRACE_MS = 2000;

/** `session`: the one to continue (the command line opened it: the latest, unless --fresh) or a new one. */
export async function runTui(prepared: TuiRun, session: TuiSession, io: TuiHost): Promise<number> {
  const stdout = process.stdout;
  const stdin = process.stdin;
  const restore = takeScreen(stdout).leave;

  let run: RunHandle | null = null;
  let saver: Autosave | null = null;
  let instance: ReturnType<typeof render> | null = null;
  const saveProblem = createSaveProblem();
  const saveNote = createSaveProblem();
  const startSaving = (created: RunHandle) => {
    const begin = () => {
      saver ??= autosave(created, session.dir, { onError: saveProblem.set, savedAt: session.savedAt, savedIno: session.savedIno, onMoved: (dir) => saveNote.set(`another stepwise saved this session too: this window now saves to ${relative(process.cwd(), dir) || dir}`) });
    };
    // a new session gets its folder once something ran; a resumed one is saved from the start
    if (session.state) return begin();
    const stop = created.subscribe((event) => {
      if (event.type !== 'step-start') return;
      stop();
      begin();
    });
  };
  // every way out (a signal, a crash) cancels the running step, saves what was done
  // (the running step as cancelled, with its partial text) and restores the terminal
  const shutdown = (message = '') => {
    try {
      instance?.unmount();
    } catch {
      // already gone: the terminal still has to be restored below
    }
    run?.cancel();
    saver?.flush(true);
    restore();
    if (message) io.stderr(message);
    if (saver && !saver.error()) io.stderr(`saved ${join(saver.dir, OUTPUT_FILE)}\n`);
  };
  const uninstall = io.onExit({
    // the cancel lands first (the partial text joins the step's history, a re-run's previous
    // version comes back), then the save; a step that ignores it gets a moment, or a second signal
    stop: () => {
      const exit = () => {
        shutdown();
        process.exit(1);
      };
      const current = run as RunHandle | null;
      if (!current) return exit();
      void settle(current).then(exit);
    },
    now: (reason, error) => shutdown(reason === 'crash' ? `stepwise: internal error: ${error instanceof Error ? error.stack : String(error)}\n` : ''),
  });

  const actions = customActionSpecs(prepared.config);
  const tools = toolNames(prepared.config);
  // the engine (sandbox, models) starts loading once the first frame is on screen, and
  // is usually ready before the author's first key
  let engine: Promise<typeof import('../src/runtime/create-run.js')> | null = null;
  const loadEngine = () => (engine ??= import('../src/runtime/create-run.js'));
  const createRun = async (workflow: Workflow, inputs: Record<string, unknown>) => {
    const { createRun: make } = await loadEngine();
    return make({ workflow, inputs, config: prepared.config, modelOverride: prepared.args.model ?? null, timeout: prepared.args.timeout, env: io.env, state: session.state, noTools: prepared.args.noTools });
  };

  try {
    instance = render(
      <App
        file={prepared.file}
        text={prepared.text}
        workflow={prepared.workflow}
        warnings={prepared.warnings}
        inputs={session.inputs}
        missing={session.missing}
        explicit={session.state ? session.inputs : prepared.explicit}
        resumedAt={session.savedAt ?? null}
        saved={session.state}
        saveProblem={saveProblem}
        saveMoved={saveNote}
        createRun={createRun}
        watch={prepared.args.watch !== false}
        compile={(text) => compile(text, prepared.file, { actions, tools })}
        modelOverride={prepared.args.model ?? null}
        defaultModel={prepared.config?.defaultModel ?? null}
        terminal={{
          suspend: () => {
            const resume = suspendTerminal(stdout, stdin);
            return () => {
              resume();
              instance?.clear();
            };
          },
        }}
        onRun={(created) => {
          run = created;
          startSaving(created);
        }}
      />,
      { exitOnCtrlC: false, patchConsole: true, maxFps: 10 },
    );
    // the engine, then the providers of the workflow's models, load while the author
    // reads the first screen
    void loadEngine()
      .then(({ preloadModels }) => preloadModels(prepared.workflow, prepared.config, prepared.args.model ?? null))
      .catch(() => {}); // a broken provider shows its error when a step uses it
    await instance.waitUntilExit();
  } finally {
    instance?.cleanup();
    restore();
    uninstall();
  }
  const finished = run as RunHandle | null;
  const active = saver as Autosave | null;
  // quit (q, y) while a step runs: cancel it as Esc does, so a re-run's previous result is
  // saved as current (its partial text in the history), not a cancelled step
  if (finished?.state.status === 'running') await settle(finished);
  active?.flush(true);
  active?.stop();
  const problem = active?.error();
  if (problem) io.stderr(`the session could not be saved: ${problem}\n`);
  else if (active) io.stdout(`saved ${join(active.dir, OUTPUT_FILE)}\n`);
  return finished?.state.status === 'failed' || problem ? 1 : 0;
}

/** Cancels what runs and waits until the run is idle, or STOP_GRACE_MS for a step that ignores the cancel. */
async function settle(run: RunHandle): Promise<void> {
  run.cancel();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([run.idle().catch(() => {}), new Promise((resolve) => (timer = setTimeout(resolve, STOP_GRACE_MS)))]);
  clearTimeout(timer);
}
