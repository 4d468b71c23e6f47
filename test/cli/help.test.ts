import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../support/run-cli.js';

beforeAll(assertBuilt);

describe('help per command', () => {
  it('`stepwise check --help` prints check\'s usage, options and examples, not the global text', async () => {
    const result = await runCli(['check', '--help']);
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'stepwise check: compile only; print diagnostics',
        '',
        'Usage: stepwise check FILE... [--json]',
        '',
        'Options:',
        '  --json  print one JSON document per file (title, description, inputs, phases, diagnostics)',
        '  --help  show this help',
        '',
        'Examples:',
        '  stepwise check workflow.mdx',
        '  stepwise check examples/*.mdx --json',
        '',
      ].join('\n'),
    });
  });

  it('`stepwise help COMMAND` prints the same text as `COMMAND --help`', async () => {
    for (const command of ['run', 'check', 'runs', 'list', 'config', 'init', 'completion']) {
      const viaHelp = await runCli(['help', command]);
      const viaFlag = await runCli([command, '--help']);
      expect(viaHelp.code).toBe(0);
      expect(viaHelp.stdout).toBe(viaFlag.stdout);
      expect(viaHelp.stdout.startsWith(`stepwise ${command}: `)).toBe(true);
      expect(viaHelp.stdout).toMatch(/\n(Examples|example):\n  stepwise /);
      expect(viaHelp.stdout).toMatch(/\n\nUsage: stepwise /);
    }
  });

  it('run\'s help lists every run option; `stepwise FILE --help` shows it too', async () => {
    const result = await runCli(['run', '--help']);
    expect(result.stdout).toContain('Usage: stepwise FILE [options]\n       stepwise run FILE [options]\n');
    for (const option of ['--model ID', '--input name=value', '--inputs FILE', '--headless', '--json', '--out DIR', '--no-watch', '--help']) {
      expect(result.stdout).toMatch(new RegExp(`^  ${option} +\\S`, 'm'));
    }
    expect((await runCli(['examples/poem.mdx', '--help'])).stdout).toBe(result.stdout);
  });

  it('`stepwise config --help` lists the settings keys and where they live', async () => {
    const result = await runCli(['config', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^  openai\.apiKey +API key for openai:MODEL models/m);
    expect(result.stdout).toMatch(/^  providers\.NAME\.baseURL +server for NAME:MODEL models/m);
    expect(result.stdout).toContain('$XDG_CONFIG_HOME/stepwise');
  });

  it('`stepwise help` of an unknown command suggests the closest and exits 2', async () => {
    expect(await runCli(['help', 'chek'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'unknown command `chek`; did you mean `check`? (the commands: run, check, runs, list, config, init, completion, help)\n' +
        'run `stepwise --help` to see the commands and options\n',
    });
  });
});
