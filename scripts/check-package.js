#!/usr/bin/env node
// Part of CI (.ci/run): proves the package a user installs works. Packs the project,
// checks the tarball holds no tests, fixtures or benchmarks, installs it globally into a
// temporary prefix (dependencies only, as `npm install -g` does), then runs the installed
// `stepwise` from an unrelated temporary folder: --help, init, check, a headless echo run,
// the library (imported by name, and the shipped examples/library.mjs) and the TUI in a
// real pseudo-terminal. Any failure exits 1 with what went wrong.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'stepwise-package-'));
const prefix = join(scratch, 'prefix');
const work = join(scratch, 'work');
execFileSync('mkdir', ['-p', prefix, work]);

function fail(message) {
  process.stderr.write(`check-package: ${message}\n`);
  process.exit(1);
}

function step(title) {
  process.stdout.write(`check-package: ${title}\n`);
}

step('npm pack');
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
const files = packed[0].files.map((f) => f.path);
const unwanted = files.filter((f) => /^(test|fixtures|bench|\.ci|scripts|components|src)\//.test(f) || f.endsWith('.tsx'));
if (unwanted.length) fail(`the tarball holds files a user does not need: ${unwanted.slice(0, 5).join(', ')}`);
for (const needed of ['LICENSE', 'README.md', 'bin/stepwise.js', 'dist/src/cli/main.js', 'dist/components/run-tui.bundle.js', 'dist/src/index.d.ts', 'examples/poem.mdx', 'examples/library.mjs']) {
  if (!files.includes(needed)) fail(`the tarball lacks ${needed}`);
}
const tarball = join(scratch, packed[0].filename);

step(`npm install -g ${packed[0].filename} (into a temporary prefix)`);
execFileSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', tarball], { cwd: work, stdio: ['ignore', 'inherit', 'inherit'] });
const installed = join(prefix, 'lib', 'node_modules', 'stepwise');
for (const dev of ['typescript', 'vitest', 'rolldown', 'node-pty']) {
  if (existsSync(join(installed, 'node_modules', dev)) || existsSync(join(prefix, 'lib', 'node_modules', dev))) fail(`a development dependency was installed: ${dev}`);
}
const bin = join(prefix, 'bin', 'stepwise');
const env = { ...process.env, STEPWISE_CONFIG_DIR: join(scratch, 'config'), NO_COLOR: '1', PATH: `${join(prefix, 'bin')}:${process.env.PATH}` };
delete env.OPENAI_API_KEY;

function stepwise(args, expect) {
  step(`stepwise ${args.join(' ')}`);
  const result = spawnSync(bin, args, { cwd: work, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  if (result.status !== 0) fail(`\`stepwise ${args.join(' ')}\` exited ${result.status}\n${result.stdout}\n${result.stderr}`);
  if (!result.stdout.includes(expect)) fail(`\`stepwise ${args.join(' ')}\` did not print "${expect}":\n${result.stdout}\n${result.stderr}`);
  return result;
}

stepwise(['--help'], 'Usage:');
stepwise(['check', '--help'], 'stepwise check FILE');
stepwise(['init'], 'workflow.mdx');
stepwise(['check', 'workflow.mdx'], 'ok: 1 file, no problems');
const run = stepwise(['run', 'workflow.mdx', '--headless', '--model', 'echo'], '▸ story');
if (!run.stderr.includes('saved ')) fail(`the headless run did not report where it saved:\n${run.stderr}`);
if (!readdirSync(join(work, '.stepwise', 'runs')).length) fail('the headless run saved nothing');

step("import { compile, runWorkflow, createRun } from 'stepwise' (the library)");
checkLibrary();

step('stepwise workflow.mdx (the TUI, in a pseudo-terminal)');
await checkTui();
step('ok');

async function checkTui() {
  // env keeps CI=true from the CI run: the TUI in a terminal draws all the same
  const pty = await import('node-pty');
  const child = pty.spawn(bin, ['workflow.mdx', '--model', 'echo', '--input', 'topic=rain'], { cols: 100, rows: 30, cwd: work, env: { ...env, TERM: 'xterm-256color', STEPWISE_ECHO_DELAY_MS: '0' } });
  let output = '';
  const exited = new Promise((resolve) => child.onExit(resolve));
  child.onData((data) => (output += data));
  const plain = () => output.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
  const waitFor = async (text, ms = 30_000) => {
    const until = Date.now() + ms;
    while (!plain().includes(text)) {
      if (Date.now() > until) fail(`the TUI never showed "${text}"; it printed:\n${plain().slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await waitFor('workflow.mdx');
  // the key handler is live once help opens and closes
  child.write('?');
  await waitFor('rewind to the selected step');
  output = '';
  child.write('\x1b');
  await waitFor('n/Enter next');
  child.write('c');
  // the header's status, not the word anywhere: q while a step runs asks before quitting
  await waitFor('│ done │');
  child.write('q');
  const timer = setTimeout(() => fail(`the TUI did not exit after q; it printed:\n${plain().slice(-2000)}`), 30_000);
  const { exitCode } = await exited;
  clearTimeout(timer);
  if (exitCode !== 0) fail(`the TUI exited ${exitCode}`);
}

/** A program in `work` imports the installed package by name, as one that depends on it does. */
function checkLibrary() {
  mkdirSync(join(work, 'node_modules'), { recursive: true });
  symlinkSync(installed, join(work, 'node_modules', 'stepwise'), 'dir');
  const script = join(work, 'library.mjs');
  writeFileSync(
    script,
    `import { readFileSync } from 'node:fs';
import { compile, createRun, runWorkflow } from 'stepwise';
const checked = await compile(readFileSync('workflow.mdx', 'utf8'), 'workflow.mdx');
// saved elsewhere: the TUI below continues the latest session of workflow.mdx
const result = await runWorkflow('workflow.mdx', { model: 'echo', inputs: { topic: 'rain' }, out: 'library-runs' });
const run = await createRun('workflow.mdx', { model: 'echo', inputs: { topic: 'rain' } });
run.continue();
await run.idle();
console.log(checked.ok, result.ok, run.state.status);
run.dispose();
`,
  );
  const libEnv = { ...env, STEPWISE_ECHO_DELAY_MS: '0' };
  for (const [what, args, expect] of [
    ['a program importing stepwise', [script], 'true true done\n'],
    ['examples/library.mjs', [join(installed, 'examples', 'library.mjs')], 'status: done\n'],
  ]) {
    const result = spawnSync(process.execPath, args, { cwd: work, env: libEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
    if (result.status !== 0 || !result.stdout.includes(expect) || result.stderr) fail(`${what} did not run (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}
