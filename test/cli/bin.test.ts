import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, ROOT, runCli } from '../support/run-cli.js';

const HINT = 'run `stepwise --help` to see the commands and options\n';

beforeAll(assertBuilt);

describe('stepwise (the binary)', () => {
  it('--version and -v print the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(await runCli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(await runCli(['-v'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('--help lists every command and run option from the spec, and examples', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    for (const line of [
      '  stepwise FILE [options]                           open the TUI on FILE (headless without a terminal)',
      '  stepwise run FILE [options]                       the same as `stepwise FILE`',
      '  stepwise check FILE... [--json]                   compile only; print diagnostics',
      '  stepwise config get|set|unset|list [KEY] [VALUE]  show or change your settings (API keys, providers)',
      '  stepwise init [FILE]                              write a commented starter workflow',
      '  stepwise completion bash|zsh|fish                 print a shell completion script',
      '  stepwise help [COMMAND]                           show a command\'s help',
      '  stepwise --help | --version                       this help, or the bare version number',
    ]) {
      expect(result.stdout.split('\n')).toContain(line);
    }
    for (const option of ['--model ID', '--input name=value', '--inputs FILE', '--headless', '--json', '--out DIR', '--no-watch']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${option} +\\S`, 'm'));
    }
    expect(result.stdout).toContain('Examples:\n  stepwise init ');
    expect((await runCli(['-h'])).stdout).toBe(result.stdout);
    expect((await runCli(['help'])).stdout).toBe(result.stdout);
  });

  it('with no arguments, says what to give and exits 2', async () => {
    expect(await runCli([])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'missing FILE or command: e.g. `stepwise workflow.mdx` or `stepwise init`\n' + HINT,
    });
  });

  it('names an unknown command with a did-you-mean and exits 2', async () => {
    expect(await runCli(['chek', 'x.mdx'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'unknown command `chek`; did you mean `stepwise check`?\n' + HINT,
    });
    expect(await runCli(['deploy'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'unknown command `deploy`: give a workflow FILE (.md or .mdx) or a command\n' + HINT,
    });
  });

  it('names an unknown option with a did-you-mean and exits 2', async () => {
    expect(await runCli(['--verison'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'unknown option `--verison`; did you mean `--version`?\n' + HINT,
    });
    expect(await runCli(['examples/poem.mdx', '--modle', 'echo'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'unknown option `--modle`; did you mean `--model`?\n' + HINT,
    });
    expect(await runCli(['check', 'examples/poem.mdx', '--jsno'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'unknown option `--jsno`; did you mean `--json`?\n' + HINT,
    });
  });

  it('reports a FILE that does not exist and exits 2', async () => {
    expect(await runCli(['nope.mdx'])).toEqual({ code: 2, stdout: '', stderr: 'no such file: nope.mdx\n' });
    expect(await runCli(['run', 'nope.mdx', '--model', 'echo'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'no such file: nope.mdx\n',
    });
  });

  it('says how to build when dist/ is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepwise-unbuilt-'));
    mkdirSync(join(dir, 'bin'));
    copyFileSync(BIN, join(dir, 'bin', 'stepwise.js'));
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync(process.execPath, [join(dir, 'bin', 'stepwise.js'), '--version'], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`stepwise is not built: run \`npm install\` (or \`npm run build\`) in ${dir}\n`);
  });
});
