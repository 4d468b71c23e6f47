// Prompt fragments and JSX fragments through the real CLI: `check` names a fragment's
// problems in its own file, and a headless run sends the exact text they render to.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../support/run-cli.js';

beforeAll(assertBuilt);

const ENV = { STEPWISE_ECHO_DELAY_MS: '0', OPENAI_API_KEY: undefined };
const PROMPT = 'Write a short note about tide pools.\n\nKeep it under 120 words.\nUse plain words.\n\nCover:\n\n- **crabs**\n- **anemones**';

describe('fragments from the command line', () => {
  it('check passes a workflow whose fragments compile', async () => {
    expect(await runCli(['check', 'fixtures/fragments/writer.mdx'], { env: ENV })).toEqual({ code: 0, stdout: 'ok: 1 file, no problems\n', stderr: '' });
  });

  it('check names a missing fragment with a did-you-mean, and a fragment\'s own problem at its file, line and column', async () => {
    const result = await runCli(['check', 'fixtures/fragments/broken.mdx'], { env: ENV });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(
      [
        "fixtures/fragments/broken.mdx:9:2  error  no fragment `prompts/styles.mdx`; did you mean include('style.mdx')?  [missing-fragment]",
        "  9 | {include('styles')}",
        '    |  ^',
        '',
        'fixtures/fragments/prompts/personas/critic.mdx:1:22  error  unknown name `topik`; did you mean `topic`?  [unknown-name]',
        '  1 | You are a critic of {topik}.',
        '    |                      ^',
        '',
        '2 errors in 1 file',
        '',
      ].join('\n'),
    );
  });

  it('check --json gives the fragment\'s file on its diagnostics', async () => {
    const result = await runCli(['check', '--json', 'fixtures/fragments/broken.mdx'], { env: ENV });
    const document = JSON.parse(result.stdout);
    expect(document.diagnostics.map((d: { rule: string; file?: string; line: number }) => [d.rule, d.file, d.line])).toEqual([
      ['missing-fragment', undefined, 9],
      ['unknown-name', 'prompts/personas/critic.mdx', 1],
    ]);
  });

  it('a headless run sends the rendered fragments: included text and role, notes removed, one JSX fragment per line', async () => {
    const out = mkdtempSync(join(tmpdir(), 'stepwise-fragments-'));
    const result = await runCli(['run', 'fixtures/fragments/writer.mdx', '--headless', '--json', '--model', 'echo:all', '--out', out], { env: ENV });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.phases[0].steps[0].prompt).toBe(PROMPT);
    expect(document.outputs.note).toBe(`[system]\nYou are an editor who writes about tide pools.\n\n[user]\n${PROMPT}`);
  });
});
