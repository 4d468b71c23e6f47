// A mistyped `--model` is a mistake on the command line: it is refused before anything runs
// (exit 2, with a did-you-mean), not found out as a failed step of a saved session.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../support/run-cli.js';

beforeAll(assertBuilt);

const HINT = 'run `stepwise --help` to see the commands and options\n';
let folder = '';
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'stepwise-model-option-'));
  writeFileSync(join(folder, 'flow.mdx'), 'Say hi.\n\n<GenText as="a" />\n');
  writeFileSync(join(folder, 'stepwise.config.mjs'), "export default { providers: { local: { type: 'openai-compatible', baseURL: 'http://127.0.0.1:9/v1' } } };\n");
});

function run(model: string) {
  return runCli(['run', 'flow.mdx', '--headless', '--model', model], { cwd: folder, env: { STEPWISE_ECHO_DELAY_MS: '0', STEPWISE_CONFIG_DIR: join(folder, 'settings') } });
}

describe('--model ID', () => {
  it('an unknown provider: exit 2 with a did-you-mean, and no session is made', async () => {
    expect(await run('opena:gpt-4o')).toEqual({
      code: 2,
      stdout: '',
      stderr: `\`--model opena:gpt-4o\`: unknown model provider \`opena\` in \`opena:gpt-4o\`; did you mean \`openai:gpt-4o\`?\n${HINT}`,
    });
    expect(existsSync(join(folder, '.stepwise'))).toBe(false);
  });

  it('an id without a provider, an unknown echo model, an empty value', async () => {
    expect((await run('gpt-4o')).stderr).toBe(`\`--model gpt-4o\`: model id \`gpt-4o\` names no provider and model: write it as \`provider:model\`, e.g. \`openai:gpt-4o\`, or \`echo\` for an offline dry run\n${HINT}`);
    expect((await run('echo:al')).stderr).toBe(`\`--model echo:al\`: unknown echo model \`echo:al\`: use \`echo\`, \`echo:last\` or \`echo:all\`\n${HINT}`);
    expect(await run('')).toEqual({ code: 2, stdout: '', stderr: `\`--model\` needs a value, e.g. \`--model echo\`\n${HINT}` });
  });

  it('a provider of stepwise.config is known', async () => {
    const result = await run('local:llama');
    expect(result.stderr).toContain('cannot reach http://127.0.0.1:9/v1');
    expect(result.code).toBe(1);
  });
});
