import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../support/run-cli.js';
import { runStateFromJson } from '../../src/session/run-json.js';

beforeAll(assertBuilt);

const ENV = { STEPWISE_ECHO_DELAY_MS: '0', OPENAI_API_KEY: undefined };

function savedRun(out: string, name: string) {
  const [stamp] = readdirSync(join(out, name));
  return join(out, name, stamp!);
}

describe('stepwise run --headless', () => {
  it('a file that does not compile prints its problems and exits 2 without running (no terminal: nothing waits for a fix)', async () => {
    const result = await runCli(['run', 'test/cli/fixtures/invalid.mdx', '--headless'], { env: ENV });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('test/cli/fixtures/invalid.mdx:12:1  error  unknown action `<GenTxt>`; did you mean `<GenText>`?  [unknown-action]');
    expect(result.stderr.trimEnd().split('\n').pop()).toBe('2 errors: fix the workflow and run again');
  });

  it('--json prints the result document and saves output.md and run.json', async () => {
    const out = mkdtempSync(join(tmpdir(), 'stepwise-out-'));
    const result = await runCli(['run', 'fixtures/runtime/inputs.mdx', '--headless', '--json', '--input', 'topic=the sea', '--out', out], { env: ENV });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const directory = savedRun(out, 'inputs');
    expect(JSON.parse(result.stdout)).toEqual({
      ok: true,
      title: 'Inputs',
      inputs: { topic: 'the sea', lines: 4 },
      outputs: { poem: 'Write 4 lines about the sea.' },
      phases: [{ steps: [{ action: 'GenText', as: 'poem', prompt: 'Write 4 lines about the sea.', output: 'Write 4 lines about the sea.' }] }],
      usage: { inputTokens: 7, outputTokens: 7 },
      error: null,
      transcript: join(directory, 'output.md'),
      session: directory,
    });
    expect(readdirSync(directory).sort()).toEqual(['output.md', 'run.json']);
    // as a resume reads it: run.json names the prompt a message repeats
    const state = runStateFromJson(JSON.parse(readFileSync(join(directory, 'run.json'), 'utf8')));
    expect(state.steps['0.0'].messages).toEqual([{ role: 'user', content: 'Write 4 lines about the sea.' }]);
  });

  it('streams the content to stdout and the progress to stderr, so `> out.txt` keeps the content alone', async () => {
    const out = mkdtempSync(join(tmpdir(), 'stepwise-out-'));
    const result = await runCli(['fixtures/runtime/inputs.mdx', '--input', 'topic=rain', '--input', 'lines=2', '--out', out], { env: ENV });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Inputs\n\n── phase 1 ──\n\n▸ poem (GenText, echo)\nWrite 2 lines about rain.\n');
    const saved = join(savedRun(out, 'inputs'), 'output.md');
    expect(result.stderr).toMatch(new RegExp(`^✓ poem  7\\+7 tokens  \\d+\\.\\ds\\n\\n✓ done  7\\+7 tokens\\nsaved ${saved.replace(/[.\\]/g, '\\$&')}\\n$`));
  });

  it('FORCE_COLOR=1 colours the output even into a pipe; NO_COLOR wins over it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'stepwise-out-'));
    const args = ['fixtures/runtime/inputs.mdx', '--input', 'topic=rain', '--out', out];
    const forced = await runCli(args, { env: { ...ENV, FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain('\u001b[1mInputs\u001b[22m\n\n\u001b[36m── phase 1 ──\u001b[39m\n\n▸ \u001b[1mpoem\u001b[22m \u001b[2m(GenText, echo)\u001b[22m\n');
    expect(forced.stderr).toContain('\u001b[32m✓ done\u001b[39m');
    const plain = await runCli(args, { env: { ...ENV, FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(plain.stdout + plain.stderr).not.toContain('\u001b[');
    const piped = await runCli(args, { env: { ...ENV, FORCE_COLOR: undefined } });
    expect(piped.stdout + piped.stderr).not.toContain('\u001b[');
  });

  it('a missing required input is exit 2 naming it', async () => {
    const result = await runCli(['run', 'fixtures/runtime/inputs.mdx', '--headless'], { env: ENV });
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'missing input `topic` (What should the poem be about?): pass --input topic=...\n' });
  });

  it('a bad input value is exit 2 saying what is allowed', async () => {
    const result = await runCli(['run', 'fixtures/runtime/inputs.mdx', '--headless', '--input', 'topic=x', '--input', 'lines=12'], { env: ENV });
    expect(result).toEqual({ code: 2, stdout: '', stderr: '`lines` must be at most 8, got 12\n' });
  });

  it('a step that fails is exit 1 with the error in the document, earlier results kept', async () => {
    const out = mkdtempSync(join(tmpdir(), 'stepwise-out-'));
    const result = await runCli(['run', 'fixtures/runtime/conversation.mdx', '--headless', '--json', '--model', 'openai:gpt-4o-mini', '--out', out], {
      env: { ...ENV, STEPWISE_CONFIG_DIR: out },
    });
    expect(result.code).toBe(1);
    const document = JSON.parse(result.stdout);
    expect(document.ok).toBe(false);
    expect(document.error).toEqual({
      message: 'no OpenAI API key: set OPENAI_API_KEY or run `stepwise config set openai.apiKey sk-...`',
      step: 'haiku',
      // the line of the action that needed the key
      line: 10,
    });
    expect(existsSync(document.transcript)).toBe(true);
  });
});
