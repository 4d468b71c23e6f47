// A project folder outside the repository that depends on stepwise the way a user's does:
// node_modules/stepwise is the built package, so `import ... from 'stepwise'` resolves
// through package.json's exports. Scripts run in a child process with pipes, no terminal.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { ROOT, runNode as runNodeIn, type CliResult } from '../support/run-cli.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temp project holding `files` and the examples named in `examples`. */
export function project(files: Record<string, string>, examples: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-library-'));
  made.push(dir);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'stepwise'), 'dir');
  for (const name of examples) copyFileSync(join(ROOT, 'examples', name), join(dir, name));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Runs `source` as an ES module in `dir` with node. */
export function runScript(dir: string, source: string, env: Record<string, string> = {}): Promise<CliResult> {
  const file = join(dir, `script-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, source);
  return runNode(dir, [file], env);
}

/** `node ...args` in `dir`, its output collected. */
export function runNode(dir: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runNodeIn(args, { cwd: dir, env: { ...process.env, ...env } });
}
