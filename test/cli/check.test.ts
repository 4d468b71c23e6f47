import pty from 'node-pty';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { assertBuilt, BIN, ROOT, runCli } from '../support/run-cli.js';

const VALID = 'test/cli/fixtures/valid.mdx';
const INVALID = 'test/cli/fixtures/invalid.mdx';
const TABBED = 'test/cli/fixtures/tabbed.mdx';

const INVALID_REPORT = [
  'test/cli/fixtures/invalid.mdx:9:23  error  UNKNOWN_NAME_MESSAGE  [unknown-name]',
  '  9 | Write two lines about {topc}.',
  '    |                       ^',
  '',
  'test/cli/fixtures/invalid.mdx:11:1  error  UNKNOWN_ACTION_MESSAGE  [unknown-action]',
  '  11 | <GenTxt as="poem" />',
  '     | ^',
  '',
  '',
].join('\n');

beforeAll(assertBuilt);

describe('stepwise check', () => {
  it('says ok for a valid file and exits 0', async () => {
    expect(await runCli(['check', VALID])).toEqual({ code: 0, stdout: 'ok: 1 file, no problems\n', stderr: '' });
  });

  it('prints each problem with a code frame and a summary, without colour off a terminal, and exits 2', async () => {
    expect(await runCli(['check', INVALID])).toEqual({
      code: 2,
      stdout: `${INVALID_REPORT}2 errors in 1 file\n`,
      stderr: '',
    });
  });

  it('expands tabs in the code frame', async () => {
    const { stdout } = await runCli(['check', TABBED]);
    expect(stdout.split('\n').slice(1, 3)).toEqual(['  5 |     Indented {nmae} here.', '    |              ^']);
  });

  it('checks several files and says how many had problems', async () => {
    expect(await runCli(['check', VALID, INVALID, 'examples/poem.mdx'])).toEqual({
      code: 2,
      stdout: `${INVALID_REPORT}2 errors in 1 of 3 files\n`,
      stderr: '',
    });
  });

  it('--json prints exactly the check document, one line per file', async () => {
    const { code, stdout, stderr } = await runCli(['check', '--json', VALID, INVALID]);
    expect(stderr).toBe('');
    expect(code).toBe(2);
    const lines = stdout.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0]!)).toEqual({
      file: VALID,
      ok: true,
      title: 'Rain',
      description: null,
      inputs: [{ name: 'topic', type: 'text', default: 'rain' }],
      phases: [{ line: 9, actions: [{ action: 'GenText', as: 'poem', line: 11 }] }],
      diagnostics: [],
    });
    expect(JSON.parse(lines[1]!)).toMatchObject({
      file: INVALID,
      ok: false,
      diagnostics: [
        { severity: 'error', line: 9, column: 23, rule: 'unknown-name' },
        { severity: 'error', line: 11, column: 1, rule: 'unknown-action' },
      ],
    });
  });

  it('reports a missing file on stderr, still checks the others, and exits 2', async () => {
    expect(await runCli(['check', 'nope.mdx', VALID])).toEqual({
      code: 2,
      stdout: '1 error in 1 of 2 files\n',
      stderr: 'no such file: nope.mdx\n',
    });
    expect(await runCli(['check', '--json', 'nope.mdx'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'no such file: nope.mdx\n',
    });
  });

  it('asks for a FILE when given none', async () => {
    expect(await runCli(['check'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'missing FILE: write `stepwise check FILE...`, e.g. `stepwise check workflow.mdx`\n' +
        'run `stepwise --help` to see the commands and options\n',
    });
  });
});

describe('stepwise check colours', () => {
  function captureIO(env: NodeJS.ProcessEnv): CliIO & { out: () => string } {
    let out = '';
    return {
      stdout: (s) => void (out += s),
      stderr: (s) => void (out += s),
      isTTY: true,
      env,
      cwd: ROOT,
      out: () => out,
    };
  }

  it('colours severities and dims the gutter on a terminal', async () => {
    const io = captureIO({});
    expect(await main(['check', INVALID], io)).toBe(2);
    expect(io.out()).toContain('\u001b[31merror\u001b[39m');
    expect(io.out()).toContain('\u001b[2m  9 | \u001b[22mWrite two lines about {topc}.');
  });

  it('uses no colour when NO_COLOR is set or FORCE_COLOR=0, even on a terminal', async () => {
    for (const env of [{ NO_COLOR: '1' }, { FORCE_COLOR: '0' }]) {
      const io = captureIO(env);
      expect(await main(['check', INVALID], io)).toBe(2);
      expect(io.out()).toBe(`${INVALID_REPORT}2 errors in 1 file\n`);
    }
  });

  it('the real binary colours in a terminal and honours NO_COLOR there', async () => {
    const inTerminal = (extra: Record<string, string>) =>
      new Promise<string>((resolve) => {
        const env: Record<string, string> = {};
        for (const [key, value] of Object.entries(process.env)) {
          if (value !== undefined && key !== 'NO_COLOR' && key !== 'FORCE_COLOR') env[key] = value;
        }
        const term = pty.spawn(process.execPath, [BIN, 'check', INVALID], {
          cols: 120,
          rows: 40,
          cwd: ROOT,
          env: { ...env, ...extra },
        });
        let out = '';
        term.onData((data) => (out += data));
        term.onExit(() => resolve(out));
      });
    expect(await inTerminal({})).toContain('\u001b[31merror\u001b[39m');
    const plain = await inTerminal({ NO_COLOR: '1' });
    expect(plain).not.toContain('\u001b[');
    expect(plain.replaceAll('\r\n', '\n')).toBe(`${INVALID_REPORT}2 errors in 1 file\n`);
  });
});
