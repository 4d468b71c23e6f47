// The TUI front end: the App full-screen on the alternate screen buffer, restored on every
// way out (quit, Ctrl+C, a crash, SIGTERM, SIGHUP); the run saved when any step ran.
import { render } from 'ink';
import type { CliIO } from '../src/cli/io.js';
import type { PreparedRun } from '../src/cli/run.js';
import type { Run } from '../src/runtime/run.js';
import type { Workflow } from '../src/compiler/types.js';
import { compile } from '../src/compiler/index.js';
import { customActionSpecs } from '../src/actions/specs.js';
import { runDirectory, saveRun } from '../src/runtime/save.js';
import { App } from './App.js';
import { suspendTerminal } from './editor.js';

const ENTER = '\x1b[?1049h\x1b[?25l';
const LEAVE = '\x1b[?1049l\x1b[?25h';

export async function runTui(prepared: PreparedRun, io: CliIO): Promise<number> {
  const stdout = process.stdout;
  const stdin = process.stdin;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(LEAVE);
  };
  stdout.write(ENTER);

  let run: Run | null = null;
  let instance: ReturnType<typeof render> | null = null;
  const bail = (message: string, code: number) => {
    try {
      instance?.unmount();
    } catch {
      // already gone: the terminal still has to be restored below
    }
    restore();
    if (message) io.stderr(message);
    saveIfRan();
    process.exit(code);
  };
  const onCrash = (error: unknown) => bail(`stepwise: internal error: ${error instanceof Error ? error.stack : String(error)}\n`, 1);
  // every way out restores the terminal; before Ink takes the keyboard (raw mode),
  // Ctrl+C still arrives as SIGINT
  const exits: Array<[string, (...args: any[]) => void]> = [
    ['uncaughtException', onCrash],
    ['unhandledRejection', onCrash],
    ['SIGTERM', () => bail('', 143)],
    ['SIGHUP', () => bail('', 129)],
    ['SIGINT', () => bail('', 130)],
  ];
  for (const [event, handler] of exits) process.on(event, handler);
  // the terminal re-wraps the old frame on resize, so Ink cannot erase it line by line:
  // clear the screen first (this listener is added before Ink's own)
  const onResize = () => stdout.write('\x1b[2J\x1b[H');
  stdout.on('resize', onResize);

  let saved = false;
  function saveIfRan(): string | null {
    if (saved || !run || !run.state.order.some((key) => run!.state.steps[key]?.action)) return null;
    saved = true;
    try {
      return saveRun(run.state, runDirectory(prepared.file, run.state.startedAt, prepared.args.out)).transcript;
    } catch (error) {
      io.stderr(`could not save the run: ${(error as Error).message}\n`);
      return null;
    }
  }

  const actions = customActionSpecs(prepared.config);
  // the engine (sandbox, models) starts loading once the first frame is on screen, and
  // is usually ready before the author's first key
  let engine: Promise<typeof import('../src/runtime/create-run.js')> | null = null;
  const loadEngine = () => (engine ??= import('../src/runtime/create-run.js'));
  const createRun = async (workflow: Workflow, inputs: Record<string, unknown>) => {
    const { createRun: make } = await loadEngine();
    return make({ workflow, inputs, config: prepared.config, modelOverride: prepared.args.model ?? null, env: io.env });
  };

  try {
    instance = render(
      <App
        file={prepared.file}
        text={prepared.text}
        workflow={prepared.workflow}
        inputs={prepared.given}
        missing={prepared.missing}
        explicit={prepared.explicit}
        createRun={createRun}
        watch={prepared.args.watch !== false}
        compile={(text) => compile(text, prepared.file, { actions })}
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
        onRun={(created) => (run = created)}
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
    for (const [event, handler] of exits) process.off(event, handler);
    stdout.off('resize', onResize);
  }
  const finished = run as Run | null;
  const transcript = saveIfRan();
  if (transcript) io.stdout(`saved ${transcript}\n`);
  return finished?.state.status === 'failed' ? 1 : 0;
}
