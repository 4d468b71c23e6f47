import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, ROOT, runCli } from '../support/run-cli.js';

beforeAll(assertBuilt);

const examples = readdirSync(join(ROOT, 'examples'))
  .filter((name) => /\.mdx?$/.test(name))
  .sort()
  .map((name) => `examples/${name}`);

// The shape each example is meant to teach; a change that breaks it should be deliberate.
const expectedPhases: Record<string, Array<Array<[string, string]>>> = {
  'examples/outline.mdx': [[['GenObject', 'outline']], [['GenText', 'intro']], [['Cond', 'research']]],
  'examples/poem.mdx': [[['GenText', 'poem']], [['GenText', 'translation']]],
  'examples/reply.mdx': [[['GenText', 'asks']], [['GenText', 'reply']]],
  'examples/translate.mdx': [[['GenText', 'poem']], [['Loop', 'translations']], [['GenText', 'notes']]],
};

describe('examples/', () => {
  it('holds the examples the README names', () => {
    expect(examples).toEqual(Object.keys(expectedPhases));
  });

  it('all check clean together', async () => {
    expect(await runCli(['check', ...examples])).toEqual({
      code: 0,
      stdout: `ok: ${examples.length} files, no problems\n`,
      stderr: '',
    });
  });

  it.each(examples)('%s compiles with no diagnostics and the intended phases', async (file) => {
    const { code, stdout, stderr } = await runCli(['check', '--json', file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as {
      ok: boolean;
      diagnostics: unknown[];
      phases: Array<{ actions: Array<{ action: string; as: string }> }>;
    };
    expect(doc.diagnostics).toEqual([]);
    expect(doc.ok).toBe(true);
    expect(doc.phases.map((p) => p.actions.map((a) => [a.action, a.as]))).toEqual(expectedPhases[file]);
  });

  it.each(examples)('%s names a real default model; `--model echo` makes it offline', (file) => {
    expect(readFileSync(join(ROOT, file), 'utf8')).toMatch(/^model: openai:gpt-4o-mini$/m);
  });
});
