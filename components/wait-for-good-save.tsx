// The TUI on a file that does not compile: the problems full-screen until a save compiles
// (then the caller starts the TUI as usual), or the author quits. Every way out restores
// the terminal.
import { render } from 'ink';
import type { TuiBrokenFile, TuiHost } from './tui-start.js';
import { BrokenFileScreen, type FileProblems } from './BrokenFileScreen.js';
import { KeyboardProvider } from './hooks/KeyboardProvider.js';
import { takeScreen } from './alternate-screen.js';

export type WaitOutcome = { fixed: true } | ({ quit: true } & FileProblems);

export async function waitForGoodSave(broken: TuiBrokenFile, host: Pick<TuiHost, 'onExit'>): Promise<WaitOutcome> {
  const stdout = process.stdout;
  let outcome: WaitOutcome = { quit: true, text: broken.text, diagnostics: broken.diagnostics };
  let instance: ReturnType<typeof render> | null = null;
  const leave = takeScreen(stdout).leave;
  // a signal quits as `q` does (the problems are printed, exit 2); a second one or a crash at once
  const uninstall = host.onExit({
    stop: () => instance?.unmount(),
    now: () => {
      try {
        instance?.unmount();
      } finally {
        leave();
      }
    },
    code: 2,
  });
  try {
    instance = render(
      <KeyboardProvider>
        <BrokenFileScreen
          file={broken.file}
          text={broken.text}
          diagnostics={broken.diagnostics}
          compile={broken.compile}
          onFixed={() => (outcome = { fixed: true })}
          onQuit={(latest) => (outcome = { quit: true, ...latest })}
        />
      </KeyboardProvider>,
      { exitOnCtrlC: false, patchConsole: true, maxFps: 10 },
    );
    await instance.waitUntilExit();
  } finally {
    instance?.cleanup();
    leave();
    uninstall();
  }
  return outcome;
}
