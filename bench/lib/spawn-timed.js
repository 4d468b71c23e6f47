// Whole-process timings: spawn `node bin/stepwise.js ...` and measure until it exits.
import { spawn } from 'node:child_process';
import { BIN, ROOT, benchEnv } from './terminal.js';

/** Wall-clock ms from spawn to exit; rejects with stderr when the exit code is not `expectCode`. */
export function timeCommand(args, { env = {}, cwd = ROOT, expectCode = 0 } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: benchEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdoutBytes = 0;
    child.stdout.on('data', (data) => (stdoutBytes += data.length));
    child.stderr.on('data', (data) => (stderr += data));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      if (code !== expectCode) reject(new Error(`stepwise ${args.join(' ')} exited ${code}: ${stderr.slice(0, 2000)}`));
      else resolve({ ms, stdoutBytes });
    });
  });
}
