// The command line's view of the outside world, so commands can be run in-process by
// tests (and by the TUI) without touching the real process.

export interface CliIO {
  /** write text as is: callers add their own newlines */
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** stdout is a terminal: colours and the TUI are allowed */
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  /** relative FILE arguments are resolved against this folder */
  cwd: string;
}

export function processIO(): CliIO {
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Colour only on a terminal, and never when NO_COLOR is set or FORCE_COLOR=0 (https://no-color.org). */
export function colorEnabled(io: Pick<CliIO, 'isTTY' | 'env'>): boolean {
  if (!io.isTTY) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR === '0' || io.env.FORCE_COLOR === 'false') return false;
  return true;
}
