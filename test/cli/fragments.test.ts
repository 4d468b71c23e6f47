// Prompt fragments and JSX fragments through the real CLI: `check` names a fragment's
// problems in its own file, and a headless run sends the exact text they render to.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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

  it("an Agentflow project's flows/story.mdx includes its prompts/ from the project folder", async () => {
    const project = mkdtempSync(join(tmpdir(), 'stepwise-agentflow-'));
    mkdirSync(join(project, 'flows'));
    mkdirSync(join(project, 'prompts'));
    writeFileSync(join(project, 'prompts', 'tone.mdx'), '> the house style\n\nWrite in a {mood} tone.\n');
    writeFileSync(join(project, 'flows', 'story.mdx'), "---\ninput:\n  mood:\n    default: calm\n---\n\nA story.\n\n{include('tone')}\n\n<GenText as=\"story\" model=\"echo\" />\n");
    expect(await runCli(['check', 'flows/story.mdx'], { cwd: project, env: ENV })).toEqual({ code: 0, stdout: 'ok: 1 file, no problems\n', stderr: '' });
    const result = await runCli(['run', 'flows/story.mdx', '--headless', '--json'], { cwd: project, env: ENV });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).outputs).toEqual({ story: 'A story.\n\nWrite in a calm tone.' });
    // a problem in it is shown where the author finds the file
    writeFileSync(join(project, 'prompts', 'tone.mdx'), 'Write in a {moood} tone.\n');
    expect((await runCli(['check', 'flows/story.mdx'], { cwd: project, env: ENV })).stdout).toContain('prompts/tone.mdx:1:13  error  unknown name `moood`; did you mean `mood`?');
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
