import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIServer, type OpenAIServer } from '../support/openai-server.js';
import { assertBuilt, ROOT, runCli } from '../support/run-cli.js';

let server: OpenAIServer;
beforeAll(async () => {
  assertBuilt();
  server = await startOpenAIServer();
});
afterAll(() => server.close());

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

  it.each(examples)('%s names a real default model; `--model echo` runs it to the end offline', async (file) => {
    expect(readFileSync(join(ROOT, file), 'utf8')).toMatch(/^model: openai:gpt-4o-mini$/m);
    // a key and a reachable server: had --model echo not replaced the model, the run would ask it
    const before = server.requests.length;
    const out = mkdtempSync(join(tmpdir(), 'stepwise-examples-'));
    const { code, stdout, stderr } = await runCli(['run', file, '--headless', '--json', '--model', 'echo', '--out', out], {
      env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: server.url, STEPWISE_CONFIG_DIR: out },
    });
    expect(stderr).toBe('');
    const doc = JSON.parse(stdout) as { ok: boolean; error: unknown; outputs: Record<string, unknown> };
    expect({ code, ok: doc.ok, error: doc.error }).toEqual({ code: 0, ok: true, error: null });
    expect(Object.keys(doc.outputs)).toEqual(expectedPhases[file]!.flat().map(([, as]) => as));
    expect(server.requests.length).toBe(before);
  });
});
