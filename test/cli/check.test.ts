import pty from 'node-pty';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { assertBuilt, BIN, ROOT, runCli } from '../support/run-cli.js';

const VALID = 'test/cli/fixtures/valid.mdx';
const INVALID = 'test/cli/fixtures/invalid.mdx';
const TABBED = 'test/cli/fixtures/tabbed.mdx';
const WARNING = 'test/cli/fixtures/warning.mdx';
const CUSTOM = 'test/cli/fixtures/custom/shout.mdx';

const INVALID_REPORT = [
  'test/cli/fixtures/invalid.mdx:4:1  warning  unknown frontmatter key `autor`; remove it (known keys: title, model, data, input)  [frontmatter-key]',
  '  4 | autor: me',
  '    | ^',
  '',
  'test/cli/fixtures/invalid.mdx:10:24  error  unknown name `topc`; did you mean `topic`?  [unknown-name]',
  '  10 | Write two lines about {topc}.',
  '     |                        ^',
  '',
  'test/cli/fixtures/invalid.mdx:12:1  error  unknown action `<GenTxt>`; did you mean `<GenText>`?  [unknown-action]',
  '  12 | <GenTxt as="poem" />',
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
      stdout: `${INVALID_REPORT}2 errors, 1 warning in 1 file\n`,
      stderr: '',
    });
  });

  it('expands tabs in the code frame', async () => {
    const { stdout } = await runCli(['check', TABBED]);
    // `nmae` is column 12 (after a tab); with the tab expanded to 4 spaces it sits at 14.
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      'test/cli/fixtures/tabbed.mdx:5:12  error  unknown name `nmae`: define it with an action\'s as="nmae" above, or as a frontmatter `input` or `data` key  [unknown-name]',
      '  5 |     Indented {nmae} here.',
      '    |               ^',
    ]);
  });

  it('exits 0 when there are only warnings', async () => {
    expect(await runCli(['check', WARNING])).toEqual({
      code: 0,
      stdout: [
        'test/cli/fixtures/warning.mdx:4:1  warning  unknown frontmatter key `autor`; remove it (known keys: title, model, data, input)  [frontmatter-key]',
        '  4 | autor: me',
        '    | ^',
        '',
        '1 warning in 1 file',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it("knows the custom actions of the workflow folder's stepwise.config", async () => {
    expect(await runCli(['check', CUSTOM])).toEqual({ code: 0, stdout: 'ok: 1 file, no problems\n', stderr: '' });
  });

  it('checks several files and says how many had problems', async () => {
    expect(await runCli(['check', VALID, INVALID, 'examples/poem.mdx'])).toEqual({
      code: 2,
      stdout: `${INVALID_REPORT}2 errors, 1 warning in 1 of 3 files\n`,
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
    expect(JSON.parse(lines[1]!)).toEqual({
      file: INVALID,
      ok: false,
      title: 'Broken',
      description: null,
      inputs: [{ name: 'topic', type: 'text', default: 'rain' }],
      phases: [{ line: 10, actions: [{ action: 'GenText', as: 'verse', line: 14 }] }],
      diagnostics: [
        {
          severity: 'warning',
          message: 'unknown frontmatter key `autor`; remove it (known keys: title, model, data, input)',
          line: 4,
          column: 1,
          rule: 'frontmatter-key',
        },
        { severity: 'error', message: 'unknown name `topc`; did you mean `topic`?', line: 10, column: 24, rule: 'unknown-name' },
        {
          severity: 'error',
          message: 'unknown action `<GenTxt>`; did you mean `<GenText>`?',
          line: 12,
          column: 1,
          rule: 'unknown-action',
        },
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
    expect(io.out()).toContain('\u001b[2m  10 | \u001b[22mWrite two lines about {topc}.');
  });

  it('uses no colour when NO_COLOR is set or FORCE_COLOR=0, even on a terminal', async () => {
    for (const env of [{ NO_COLOR: '1' }, { FORCE_COLOR: '0' }]) {
      const io = captureIO(env);
      expect(await main(['check', INVALID], io)).toBe(2);
      expect(io.out()).toBe(`${INVALID_REPORT}2 errors, 1 warning in 1 file\n`);
    }
  });

  it('FORCE_COLOR=1 colours a pipe: the real binary, its stdout not a terminal', async () => {
    const forced = await runCli(['check', INVALID], { env: { FORCE_COLOR: '1' } });
    expect(forced.code).toBe(2);
    expect(forced.stdout).toContain('\u001b[31merror\u001b[39m');
    const piped = await runCli(['check', INVALID], { env: { FORCE_COLOR: undefined } });
    expect(piped.stdout).toBe(`${INVALID_REPORT}2 errors, 1 warning in 1 file\n`);
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
    expect(plain.replaceAll('\r\n', '\n')).toBe(`${INVALID_REPORT}2 errors, 1 warning in 1 file\n`);
  });
});
