// The command line's view of the outside world, so commands can be run in-process by
// tests (and by the TUI) without touching the real process.

export interface CliIO {
  /** write text as is: callers add their own newlines */
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** stdout is a terminal: colours and the TUI are allowed */
  isTTY: boolean;
  /** stderr is a terminal (defaults to isTTY): colours on stderr are allowed */
  stderrIsTTY?: boolean;
  env: NodeJS.ProcessEnv;
  /** relative FILE arguments are resolved against this folder */
  cwd: string;
}

export function processIO(): CliIO {
  ignoreClosedOutput();
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

let ignoring = false;

/**
 * A reader that goes away (`stepwise check x.mdx | head`) makes the next write fail with
 * EPIPE, which Node raises as an uncaught error. What was not read is nobody's loss: the
 * command goes on (a run still ends and is saved) and exits with its own code. The same
 * holds after SIGHUP, when the terminal itself is gone (exit.ts).
 */
export function ignoreClosedOutput(): void {
  if (ignoring) return;
  ignoring = true;
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
}

/**
 * Colour on a terminal, never when NO_COLOR is set (https://no-color.org) or FORCE_COLOR
 * is 0/false; FORCE_COLOR=1 (2, 3, true or empty) forces it into a pipe or file too.
 */
export function colorEnabled(io: Pick<CliIO, 'isTTY' | 'env'>): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  const force = io.env.FORCE_COLOR;
  if (force === '0' || force === 'false') return false;
  if (force !== undefined) return true;
  return io.isTTY;
}

/** colorEnabled for what goes to stderr. */
export function stderrColorEnabled(io: Pick<CliIO, 'isTTY' | 'stderrIsTTY' | 'env'>): boolean {
  return colorEnabled({ env: io.env, isTTY: io.stderrIsTTY ?? io.isTTY });
}
