// Host limits through the real binary: the fuzzing report's workflows fail their step,
// save what was done, and print a JSON document, in a process capped at 300 MB of heap.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../support/run-cli.js';

beforeAll(assertBuilt);

// a host that allocated gigabytes would die here with "heap out of memory"
const ENV = { STEPWISE_ECHO_DELAY_MS: '0', OPENAI_API_KEY: undefined, NODE_OPTIONS: '--max-old-space-size=300' };

function workspace(workflow: string, config?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-limits-'));
  writeFileSync(join(dir, 'limits.mdx'), workflow);
  if (config) writeFileSync(join(dir, 'stepwise.config.ts'), config);
  return { dir, file: join(dir, 'limits.mdx'), out: join(dir, 'runs') };
}

function savedState(out: string) {
  const [stamp] = readdirSync(join(out, 'limits'));
  return JSON.parse(readFileSync(join(out, 'limits', stamp!, 'run.json'), 'utf8'));
}

async function runJson(workflow: string, config?: string) {
  const { dir, file, out } = workspace(workflow, config);
  const result = await runCli(['run', file, '--headless', '--json', '--out', out], { env: ENV, cwd: dir });
  return { result, document: JSON.parse(result.stdout), out };
}

const FIRST = `---\nmodel: echo\n---\nA first line.\n\n<GenText as="first" />\n\n`;

describe('host limits, headless', () => {
  it('`$.z.string().min(4e8)` with echo fails its step; the JSON document and the session are written', async () => {
    const { result, document, out } = await runJson(`${FIRST}Now the poem.\n\n<GenObject as="poem" schema={$.z.string().min(4e8)} />\n`);
    expect(result.code).toBe(1);
    const message =
      "the echo model's answer for this schema would be at least 381 MiB, over the 4 MiB limit for one step's output: lower the schema's minimums (minLength, minItems), or raise `limits.output` in stepwise.config.ts";
    expect(document).toMatchObject({ ok: false, outputs: { first: 'A first line.' }, error: { message, step: 'poem' } });
    const state = savedState(out);
    expect(state.status).toBe('failed');
    expect(state.steps['0.0'].output).toBe('A first line.');
    expect(state.steps['0.1'].error.message).toBe(message);
  });

  it('`$.z.array($.z.string()).min(1e9)` with echo fails its step without building the array', async () => {
    const { result, document } = await runJson(`${FIRST}List.\n\n<GenObject as="items" schema={$.z.object({ items: $.z.array($.z.string()).min(1e9) })} />\n`);
    expect(result.code).toBe(1);
    expect(document.error.message).toBe(
      "the echo model's answer for this schema would be at least 2.8 GiB, over the 4 MiB limit for one step's output: lower the schema's minimums (minLength, minItems), or raise `limits.output` in stepwise.config.ts",
    );
    expect(document.outputs).toEqual({ first: 'A first line.' });
  });

  it('a Loop collecting 16 MiB strings stops at limits.saved, with limits.output raised in the config', async () => {
    const config = `import { defineAction, defineConfig } from 'stepwise';
import { z } from 'zod';
const big = defineAction({ name: 'Big', schema: z.object({}), execute: () => 'x'.repeat(16 * 1024 * 1024) });
export default defineConfig({ actions: [big], limits: { output: 32 * 1024 * 1024 } });
`;
    const { result, document, out } = await runJson(`<Loop as="pieces" until={$index === 40}>\n  Go.\n\n  <Big as="piece" />\n</Loop>\n`, config);
    expect(result.code).toBe(1);
    expect(document.error).toMatchObject({ step: 'pieces' });
    expect(document.error.message).toBe("the results saved by this run reach 67108956 bytes with `pieces`, over the 64 MiB limit for a run's saved results: raise `limits.saved` in stepwise.config.ts");
    const state = savedState(out);
    expect(state.steps['0.0#0/0.0'].status).toBe('done');
    expect(state.steps['0.0#1/0.0'].status).toBe('done');
    expect(state.steps['0.0#2/0.0']).toBeUndefined();
  });

  it('`<Loop until={false} max={100000000}>` is a compile error', async () => {
    const { dir, file, out } = workspace(`<Loop as="spin" until={false} max={100000000}>\n  Nothing to do.\n</Loop>\n`);
    const result = await runCli(['run', file, '--headless', '--out', out], { env: ENV, cwd: dir });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('`max` must be a whole number from 0 to 10000 (the most iterations a Loop can run), got 100000000: write e.g. max={10}');
  });
});
