// A custom action from stepwise.config.ts, run end to end through the real binary.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../support/run-cli.js';

beforeAll(assertBuilt);

const CONFIG = `import { defineAction, defineConfig } from 'stepwise';
import { z } from 'zod';

const shout = defineAction({
  name: 'Shout',
  schema: z.object({ times: z.number().default(1) }),
  execute({ props, content, messages, write }) {
    write('shouting');
    return { text: content.toUpperCase().repeat(props.times), turns: messages.length };
  },
});

const broken = defineAction({
  name: 'Broken',
  schema: z.object({}),
  execute() {
    throw new Error('the service is down');
  },
});

export default defineConfig({ actions: [shout, broken], defaultModel: 'echo' });
`;

function project(workflow: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-custom-'));
  writeFileSync(join(dir, 'stepwise.config.ts'), CONFIG);
  writeFileSync(join(dir, 'flow.mdx'), workflow);
  return dir;
}

describe('custom actions', () => {
  it('runs in Node with validated props, the rendered content and the messages', async () => {
    const dir = project('Say hi.\n\n<Shout as="loud" times={2} />\n\nThen {loud.text}\n\n<GenText as="after" />\n');
    const result = await runCli(['run', 'flow.mdx', '--json'], { cwd: dir, env: { STEPWISE_ECHO_DELAY_MS: '0' } });
    expect(result.stderr).toBe('');
    const document = JSON.parse(result.stdout);
    expect(document.outputs).toEqual({ loud: { text: 'SAY HI.SAY HI.', turns: 1 }, after: 'Then SAY HI.SAY HI.' });
    expect(result.code).toBe(0);
  });

  it('a throwing action fails its step with the error message', async () => {
    const dir = project('<Broken as="x" />\n');
    const result = await runCli(['run', 'flow.mdx', '--json'], { cwd: dir, env: { STEPWISE_ECHO_DELAY_MS: '0' } });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).error).toEqual({ message: '<Broken> failed: the service is down', step: 'x', line: 1 });
  });

  it('an attribute of the wrong type is a compile error from the action schema', async () => {
    const dir = project('Hi.\n\n<Shout as="loud" times="two" />\n');
    const result = await runCli(['check', 'flow.mdx', '--json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).diagnostics.map((d: { rule: string; line: number }) => [d.rule, d.line])).toEqual([['attribute-type', 3]]);
  });
});
