// A small pseudo-terminal driver for the TUI benchmarks: the real bin/stepwise.js under
// node-pty, its output parsed by a headless xterm so we can read the screen a person
// sees. Waits are driven by the process's output, never by sleeping.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pty from 'node-pty';
import xtermHeadless from '@xterm/headless';

const { Terminal: XTerm } = xtermHeadless;
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// STEPWISE_BENCH_BIN measures another build (say, a patched copy) with the same harness
export const BIN = process.env.STEPWISE_BENCH_BIN || join(ROOT, 'bin', 'stepwise.js');

// one empty config folder for every process this bench starts, removed when it ends
let configDir = null;
function benchConfigDir() {
  if (configDir === null) {
    configDir = mkdtempSync(join(tmpdir(), 'stepwise-bench-config-'));
    process.on('exit', () => rmSync(configDir, { recursive: true, force: true }));
  }
  return configDir;
}

/** The environment a person would have: a colour terminal, not CI, no real model keys, no stored settings. */
export function benchEnv(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key === 'CI' || key.startsWith('CI_') || key === 'CONTINUOUS_INTEGRATION') continue;
    env[key] = value;
  }
  delete env.OPENAI_API_KEY;
  delete env.OPENAI_BASE_URL;
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  env.TERM = 'xterm-256color';
  env.STEPWISE_ECHO_DELAY_MS = '0';
  env.STEPWISE_CONFIG_DIR = benchConfigDir();
  return Object.assign(env, extra);
}

/**
 * Starts `node bin/stepwise.js ...args` in a pty. `startedAt` is performance.now() just
 * before the spawn, so callers can time from process start. Every round starts a fresh
 * session (`--fresh`): otherwise the TUI would continue the last round's finished one.
 */
export function startTerminal(args, { cols = 100, rows = 30, cwd = ROOT, env = {} } = {}) {
  const xterm = new XTerm({ cols, rows, allowProposedApi: true, scrollback: 0 });
  if (!args.includes('--fresh') && !['--version', '--help', 'check'].includes(args[0])) args = [...args, '--fresh'];
  const startedAt = performance.now();
  const child = pty.spawn(process.execPath, [BIN, ...args], { name: 'xterm-256color', cols, rows, cwd, env: benchEnv(env) });
  const waiters = new Set();
  let exited = null;
  let bytes = 0;
  const check = () => {
    for (const waiter of [...waiters]) waiter();
  };
  child.onData((data) => {
    bytes += data.length;
    xterm.write(data, check);
  });
  const exit = new Promise((resolve) => {
    child.onExit((result) => {
      const at = performance.now();
      xterm.write('', () => {
        exited = { ...result, at };
        check();
        resolve(exited);
      });
    });
  });

  function screen() {
    const buffer = xterm.buffer.active;
    const lines = [];
    for (let y = 0; y < xterm.rows; y++) lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  /** Resolves with performance.now() at the moment the screen first matched. */
  function waitFor(test, timeoutMs = 20000) {
    const matches = typeof test === 'function' ? test : (s) => (test instanceof RegExp ? test.test(s) : s.includes(test));
    return new Promise((resolve, reject) => {
      const waiter = () => {
        const s = screen();
        if (matches(s)) {
          done();
          resolve(performance.now());
        } else if (exited) {
          done();
          reject(new Error(`the TUI exited (code ${exited.exitCode}) before the screen showed ${String(test)}:\n${s}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${String(test)}; the screen:\n${screen()}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(waiter);
      };
      waiters.add(waiter);
      waiter();
    });
  }

  return {
    pid: child.pid,
    startedAt,
    exit,
    screen,
    waitFor,
    write: (keys) => child.write(keys),
    kill: (signal) => {
      try {
        child.kill(signal);
      } catch {
        // already gone
      }
    },
    bytes: () => bytes,
  };
}
