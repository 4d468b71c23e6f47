// The end-to-end harness: the REAL `bin/stepwise.js` in a real pseudo-terminal (node-pty),
// its output fed into a headless xterm of the same size so tests read the screen a user
// would see. Waiting is driven by the process's own output, never by a fixed sleep.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pty from 'node-pty';
import xtermHeadless from '@xterm/headless';
import { BIN, ROOT } from './run-cli.js';

const { Terminal: XTerm } = xtermHeadless;
const BSU = '\x1b[?2026h';
const ESU = '\x1b[?2026l';

export interface TerminalOptions {
  cols?: number;
  rows?: number;
  /** added to (and overriding) the defaults below; a value of '' removes the variable */
  env?: Record<string, string>;
  cwd?: string;
}

export type ScreenTest = string | RegExp | ((screen: string) => boolean);

export interface Terminal {
  /** the visible rows joined by \n, trailing spaces trimmed */
  screen(): string;
  /** resolves once the screen matches; throws with the screen in the message on timeout or early exit */
  waitFor(test: ScreenTest, timeoutMs?: number): Promise<void>;
  write(keys: string): void;
  resize(cols: number, rows: number): void;
  /** everything the process wrote, escape sequences included */
  raw(): string;
  readonly exit: Promise<{ exitCode: number; signal?: number }>;
  kill(signal?: string): void;
}

export { KEYS } from './keys.js';

function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // The same environment in and out of CI (test/e2e/ci-variable.test.ts sets CI on purpose).
  for (const key of Object.keys(env)) if (key === 'CI' || key === 'CONTINUOUS_INTEGRATION' || key.startsWith('CI_')) delete env[key];
  // Never reach a real model from a test.
  delete env.OPENAI_API_KEY;
  delete env.OPENAI_BASE_URL;
  delete env.NO_COLOR;
  Object.assign(env, {
    TERM: 'xterm-256color',
    STEPWISE_ECHO_DELAY_MS: '0',
    STEPWISE_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'stepwise-e2e-config-')),
  });
  for (const [key, value] of Object.entries(extra)) {
    if (value === '') delete env[key];
    else env[key] = value;
  }
  return env;
}

function matches(test: ScreenTest, screen: string): boolean {
  if (typeof test === 'string') return screen.includes(test);
  if (test instanceof RegExp) return test.test(screen);
  return test(screen);
}

function describeTest(test: ScreenTest): string {
  return typeof test === 'function' ? 'the condition' : JSON.stringify(String(test));
}

export function startTerminal(args: string[], options: TerminalOptions = {}): Promise<Terminal> {
  const cols = options.cols ?? 100;
  const rows = options.rows ?? 30;
  const xterm = new XTerm({ cols, rows, allowProposedApi: true, scrollback: 1000 });
  const child = pty.spawn(process.execPath, [BIN, ...args], {
    name: 'xterm-256color',
    cols,
    rows,
    cwd: options.cwd ?? ROOT,
    env: childEnv(options.env),
  });

  let output = '';
  let exited: { exitCode: number; signal?: number } | null = null;
  // Called after xterm has parsed each chunk (and once more on exit).
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };

  // Ink wraps each frame in synchronized-output marks (BSU … ESU); a terminal shows the frame
  // only once it is whole, so the screen is read only between frames, never halfway through one.
  let inFrame = false; // as parsed so far
  let openAfterData = false; // as received so far
  child.onData((data) => {
    const from = Math.max(0, output.length - BSU.length);
    output += data;
    const tail = output.slice(from);
    const begun = tail.lastIndexOf(BSU);
    const ended = tail.lastIndexOf(ESU);
    if (begun !== -1 || ended !== -1) openAfterData = begun > ended;
    const frameOpen = openAfterData;
    xterm.write(data, () => {
      inFrame = frameOpen;
      if (!inFrame) notify();
    });
  });

  const exit = new Promise<{ exitCode: number; signal?: number }>((resolve) => {
    child.onExit(({ exitCode, signal }) => {
      const result = signal ? { exitCode, signal } : { exitCode };
      // Let xterm finish parsing what is already written before anyone reads the screen.
      xterm.write('', () => {
        inFrame = false;
        exited = result;
        notify();
        resolve(result);
      });
    });
  });

  const screen = (): string => {
    const buffer = xterm.buffer.active;
    const lines: string[] = [];
    for (let row = 0; row < xterm.rows; row++) {
      lines.push(buffer.getLine(buffer.viewportY + row)?.translateToString(true) ?? '');
    }
    return lines.join('\n');
  };

  const terminal: Terminal = {
    screen,
    raw: () => output,
    exit,
    write(keys) {
      if (!exited) child.write(keys);
    },
    resize(newCols, newRows) {
      xterm.resize(newCols, newRows);
      if (!exited) child.resize(newCols, newRows);
    },
    kill(signal) {
      if (exited) return;
      try {
        child.kill(signal);
      } catch {
        // already gone
      }
    },
    waitFor(test, timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!inFrame && matches(test, screen())) {
            finish();
            resolve();
          } else if (exited) {
            finish();
            reject(new Error(`the process exited (${JSON.stringify(exited)}) before the screen showed ${describeTest(test)}. Screen:\n${screen()}`));
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`timed out after ${timeoutMs} ms waiting for the screen to show ${describeTest(test)}. Screen:\n${screen()}`));
        }, timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
  };
  return Promise.resolve(terminal);
}
