// A failed step's error says why and where as values: the events carry its kind and hint
// beside the message the screens show, so a front end switches on the kind.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startRun } from '../support/start-run.js';
import { compile } from '../../src/compiler/index.js';
import { customActionSpecs } from '../../src/actions/specs.js';
import { defineAction } from '../../src/actions/define.js';
import { defineConfig } from '../../src/config/define.js';
import type { Run } from '../../src/runtime/run.js';
import type { RunEvent, StepFailure } from '../../src/runtime/types.js';

let run: Run | undefined;
afterEach(() => run?.dispose());

async function failureOf(text: string, options: Parameters<typeof startRun>[1] = {}): Promise<StepFailure | null> {
  const workflow = compile(text, 'failure.mdx', { actions: customActionSpecs(options.config) }).workflow!;
  const started = await startRun('runtime/limits.mdx', { workflow, ...options });
  run = started.run;
  run.continue();
  await run.idle();
  const failed = started.events.find((event): event is Extract<RunEvent, { type: 'step-error' }> => event.type === 'step-error');
  return failed?.record.error ?? null;
}

describe("a failed step's error", () => {
  it('a missing OpenAI key is the kind `missing-key`, with the advice as its hint', async () => {
    const hint = 'set OPENAI_API_KEY or run `stepwise config set openai.apiKey sk-...`';
    const error = await failureOf('Hello.\n\n<GenText as="greeting" />\n', { modelOverride: 'openai:gpt-4o-mini', env: {} });
    expect(error).toEqual({ message: `no OpenAI API key: ${hint}`, line: null, column: null, kind: 'missing-key', hint });
  });

  it('a custom action whose message reads like a missing key is not one', async () => {
    const config = defineConfig({
      actions: [defineAction({ name: 'Broken', schema: z.object({}), execute: () => { throw new Error('no OpenAI API key here, says the service'); } })],
    });
    const error = await failureOf('---\nmodel: echo\n---\nGo.\n\n<Broken as="x" />\n', { config });
    expect(error?.kind).toBe('step');
    expect(error?.message).toBe('<Broken> failed: no OpenAI API key here, says the service');
  });

  it('an expression that throws is the kind `expression`, at its line and column', async () => {
    const error = await failureOf('---\nmodel: echo\n---\nGo on about {missing.field}.\n\n<GenText as="x" />\n');
    expect(error).toEqual({ message: "{missing.field}: ReferenceError: 'missing' is not defined", line: 4, column: 13, kind: 'expression', hint: null });
  });

  it("an attribute's expression that throws is placed at the attribute", async () => {
    const error = await failureOf('---\nmodel: echo\n---\nGo.\n\n<GenText as="x" options={{ temperature: broken() }} />\n');
    expect(error).toEqual({ message: "{{ temperature: broken() }}: ReferenceError: 'broken' is not defined", line: 6, column: 17, kind: 'expression', hint: null });
  });

  it('an output over the host limit is the kind `limit`, its hint the setting to raise', async () => {
    const config = defineConfig({
      limits: { output: 1024 },
      actions: [defineAction({ name: 'Big', schema: z.object({}), execute: () => 'x'.repeat(4096) })],
    });
    const error = await failureOf('---\nmodel: echo\n---\nGo.\n\n<Big as="big" />\n', { config });
    expect(error).toEqual({
      message: "the output of `big` is 4 KiB, over the 1 KiB limit for one step's output: raise `limits.output` in stepwise.config.ts",
      line: null,
      column: null,
      kind: 'limit',
      hint: 'raise `limits.output` in stepwise.config.ts',
    });
  });
});
