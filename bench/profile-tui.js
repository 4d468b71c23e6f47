// Profiles the TUI in a real pseudo-terminal: starts `node --cpu-prof bin/stepwise.js ARGS`,
// presses KEYS once the first complete screen shows, waits until the screen contains
// UNTIL (default: the first screen), then quits; the profile lands in $TMPDIR/stepwise-profiles/.
//   node bench/profile-tui.js [--keys c] [--until "│ done │"] -- examples/poem.mdx --model echo ...
// Open the .cpuprofile in Chrome DevTools (Performance) or any cpuprofile viewer.
// PROF_INTERVAL=100 samples every 100 µs (V8 samples every 1 ms by default).
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pty from 'node-pty';
import xtermHeadless from '@xterm/headless';
import { BIN, ROOT, benchEnv } from './lib/terminal.js';

const argv = process.argv.slice(2);
const split = argv.indexOf('--');
const own = split === -1 ? [] : argv.slice(0, split);
const args = split === -1 ? argv : argv.slice(split + 1);
const option = (name) => (own.includes(name) ? own[own.indexOf(name) + 1] : undefined);
const keys = option('--keys') ?? '';
const until = option('--until');
const dir = join(tmpdir(), 'stepwise-profiles');
mkdirSync(dir, { recursive: true });

const xterm = new xtermHeadless.Terminal({ cols: 100, rows: 30, allowProposedApi: true });
const started = performance.now();
const child = pty.spawn(process.execPath, [...(process.env.PROF_INTERVAL ? ['--cpu-prof-interval', process.env.PROF_INTERVAL] : []), '--cpu-prof', `--cpu-prof-dir=${dir}`, BIN, ...args], { cols: 100, rows: 30, cwd: ROOT, env: benchEnv() });
let stage = 'first';
const rows = () => Array.from({ length: xterm.rows }, (_, y) => xterm.buffer.active.getLine(y)?.translateToString(true) ?? '');
child.onData((data) =>
  xterm.write(data, () => {
    const screen = rows();
    if (stage === 'first' && screen[0].includes(' │ ') && screen.slice(-2).some((row) => row.trim())) {
      console.log(`first complete screen after ${(performance.now() - started).toFixed(0)} ms`);
      stage = 'until';
      if (keys) child.write(keys);
    }
    if (stage === 'until' && (!until || screen.join('\n').includes(until))) {
      if (until) console.log(`"${until}" after ${(performance.now() - started).toFixed(0)} ms`);
      stage = 'quit';
      child.write('q');
      setTimeout(() => child.write('y'), 500);
    }
  }),
);
child.onExit(() => {
  console.log(`profile written to ${dir}`);
  process.exit(0);
});
