// Host limits (src/limits.ts): a workflow cannot take the host down. Each case from the
// fuzzing report runs for real on the echo model; none allocates more than a few MiB.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startRun } from '../support/start-run.js';
import { compile } from '../../src/compiler/index.js';
import { customActionSpecs } from '../../src/actions/specs.js';
import { defineAction } from '../../src/actions/define.js';
import { defineConfig } from '../../src/config/define.js';
import type { Run } from '../../src/runtime/run.js';
import type { RunEvent } from '../../src/runtime/types.js';

let run: Run | undefined;
afterEach(() => run?.dispose());

const MIB = 1024 * 1024;

async function runToEnd(text: string, options: Parameters<typeof startRun>[1] = {}): Promise<{ run: Run; events: RunEvent[] }> {
  const workflow = compile(text, 'limits.mdx', { actions: customActionSpecs(options.config) }).workflow!;
  const started = await startRun('runtime/limits.mdx', { workflow, ...options });
  run = started.run;
  run.continue();
  await run.idle();
  return started;
}

function failure(current: Run) {
  const key = current.state.order.find((k) => current.state.steps[k]!.status === 'failed');
  return { status: current.state.status, key, message: key ? current.state.steps[key]!.error?.message : null };
}

const bigAction = (bytes: number) =>
  defineAction({ name: 'Big', schema: z.object({}), execute: () => 'x'.repeat(bytes) });

describe("a step's output", () => {
  it('echo refuses an array schema of a billion items without building it', async () => {
    const text = `---\nmodel: echo\n---\nA first line.\n\n<GenText as="first" />\n\nList them.\n\n<GenObject as="items" schema={$.z.object({ items: $.z.array($.z.string()).min(1e9) })} />\n`;
    const { run } = await runToEnd(text);
    expect(failure(run)).toEqual({
      status: 'failed',
      key: '0.1',
      message:
        "the echo model's answer for this schema would be at least 2.8 GiB, over the 4 MiB limit for one step's output: lower the schema's minimums (minLength, minItems), or raise `limits.output` in stepwise.config.ts",
    });
    // what was done is kept
    expect(run.state.steps['0.0']!.status).toBe('done');
    expect(run.state.steps['0.0']!.output).toBe('A first line.');
  });

  it('echo refuses a string of 4e8 characters', async () => {
    const { run } = await runToEnd(`---\nmodel: echo\n---\nGo.\n\n<GenObject as="poem" schema={$.z.string().min(4e8)} />\n`);
    expect(failure(run).message).toBe(
      "the echo model's answer for this schema would be at least 381 MiB, over the 4 MiB limit for one step's output: lower the schema's minimums (minLength, minItems), or raise `limits.output` in stepwise.config.ts",
    );
  });

  it("echo follows a raised limits.output: the value is built when it fits", async () => {
    const config = defineConfig({ limits: { output: 8 * MIB } });
    const { run } = await runToEnd(`---\nmodel: echo\n---\nGo.\n\n<GenObject as="poem" schema={$.z.string().min(5 * 1024 * 1024)} />\n`, { config });
    expect(run.state.status).toBe('done');
    expect((run.state.steps['0.0']!.output as string).length).toBe(5 * MIB);
  });

  it("a custom action's output over the limit fails the step, naming the limit and the setting", async () => {
    const config = defineConfig({ actions: [bigAction(Math.round(5.2 * MIB))] });
    const { run } = await runToEnd(`Go.\n\n<Big as="poem" />\n`, { config });
    expect(failure(run)).toEqual({
      status: 'failed',
      key: '0.0',
      message: "the output of `poem` is 5.2 MiB, over the 4 MiB limit for one step's output: raise `limits.output` in stepwise.config.ts",
    });
  });

  it("a value's size is its JSON: an object over the limit fails too", async () => {
    const config = defineConfig({
      limits: { output: 1000 },
      actions: [defineAction({ name: 'Rows', schema: z.object({}), execute: () => ({ rows: Array.from({ length: 300 }, () => 'ab') }) })],
    });
    const { run } = await runToEnd(`Go.\n\n<Rows as="table" />\n`, { config });
    // {"rows":[ + 300 × "ab" + 299 commas + ]}
    expect(failure(run).message).toBe("the output of `table` is 1.5 KiB, over the 1000 bytes limit for one step's output: raise `limits.output` in stepwise.config.ts");
  });

  it('streamed text is stopped as soon as it passes the limit; nothing past it is shown', async () => {
    const config = defineConfig({ limits: { output: 1000 } });
    const words = 'word '.repeat(1000).trim();
    const { run, events } = await runToEnd(`---\nmodel: echo\n---\n${words}\n\n<GenText as="poem" />\n`, { config });
    expect(failure(run).message).toBe(
      "the output of `poem` passed 1.2 KiB while streaming and was stopped, over the 1000 bytes limit for one step's output: raise `limits.output` in stepwise.config.ts",
    );
    const shown = events.filter((e) => e.type === 'text-delta').map((e) => (e as { delta: string }).delta).join('');
    expect(shown.length).toBeLessThanOrEqual(1000);
    expect(shown.length).toBeGreaterThan(0);
  });
});

describe('a rendered prompt', () => {
  it('over the limit fails the step before anything is sent', async () => {
    const { run } = await runToEnd(`---\nmodel: echo\n---\nBefore.\n\n<GenText as="first" />\n\n{'x'.repeat(2 * 1024 * 1024)}\n\n<GenText as="poem" />\n`);
    expect(failure(run)).toEqual({
      status: 'failed',
      key: '0.1',
      message: "the prompt of `poem` is 2 MiB after rendering, over the 1 MiB limit for one step's prompt: interpolate less, or raise `limits.prompt` in stepwise.config.ts",
    });
    expect(run.state.steps['0.1']!.messages).toEqual([]);
    expect(run.state.steps['0.0']!.status).toBe('done');
  });

  it('a role over the limit fails the step too: it is sent with the prompt, as the system message', async () => {
    const { run } = await runToEnd(`---\nmodel: echo\n---\nWrite.\n\n<GenText as="poem" role={'x'.repeat(3 * 1024 * 1024)} />\n`);
    expect(failure(run)).toEqual({
      status: 'failed',
      key: '0.0',
      message: "the role of `poem` is 3 MiB, over the 1 MiB limit for one step's prompt: shorten it, or raise `limits.prompt` in stepwise.config.ts",
    });
    expect(run.state.steps['0.0']!.messages).toEqual([]);
  });
});

describe("a run's saved results", () => {
  it('a Loop collecting 16 MiB strings stops at the first one (one step is over 4 MiB)', async () => {
    const config = defineConfig({ actions: [bigAction(16 * MIB)] });
    const { run } = await runToEnd(`<Loop as="pieces" until={$index === 40}>\n  Go.\n\n  <Big as="piece" />\n</Loop>\n`, { config });
    expect(failure(run)).toEqual({
      status: 'failed',
      key: '0.0#0/0.0',
      message: "the output of `piece` is 16 MiB, over the 4 MiB limit for one step's output: raise `limits.output` in stepwise.config.ts",
    });
  });

  it("with limits.output raised, a Loop's accumulated results count towards limits.saved", async () => {
    // the 40 × 16 MiB case scaled down 64 times: 40 × 256 KiB against a 1 MiB total
    const config = defineConfig({ limits: { saved: MIB }, actions: [bigAction(256 * 1024)] });
    const { run } = await runToEnd(`<Loop as="pieces" until={$index === 40}>\n  Go.\n\n  <Big as="piece" />\n</Loop>\n`, { config });
    const { status, key, message } = failure(run);
    expect(status).toBe('failed');
    // each iteration saves its step (256 KiB + messages) and the Loop's copy of it
    expect(key).toBe('0.0');
    expect(message).toBe("the results saved by this run reach 1048668 bytes with `pieces`, over the 1 MiB limit for a run's saved results: raise `limits.saved` in stepwise.config.ts");
    expect(run.state.steps['0.0#0/0.0']!.status).toBe('done');
    expect(run.state.steps['0.0#1/0.0']!.status).toBe('done');
    expect(run.state.steps['0.0#2/0.0']).toBeUndefined();
  });

  it('a step that would take the total over fails itself; its messages count (they repeat earlier results)', async () => {
    const config = defineConfig({ limits: { saved: 600 * 1024 }, actions: [bigAction(256 * 1024)] });
    const { run } = await runToEnd(`One.\n\n<Big as="one" />\n\nTwo.\n\n<Big as="two" />\n`, { config });
    // one: 256 KiB; two: 256 KiB and its messages, which hold one's 256 KiB again
    expect(failure(run)).toEqual({
      status: 'failed',
      key: '0.1',
      message: "the results saved by this run reach 768 KiB with `two`, over the 600 KiB limit for a run's saved results: raise `limits.saved` in stepwise.config.ts",
    });
    expect(run.state.steps['0.0']!.status).toBe('done');
  });
});

describe("a Loop's max", () => {
  const loop = (max: string) => `<Loop as="spin" until={false} max={${max}}>\n  Nothing to do.\n</Loop>\n`;

  it('a literal beyond the bound is a compile error', () => {
    for (const [max, got] of [['100000000', '100000000'], ['1e300', '1e+300'], ['2.5', '2.5'], ['-1', '-1']]) {
      const result = compile(loop(max), 'limits.mdx');
      const errors = result.diagnostics.filter((d) => d.severity === 'error');
      expect(errors).toEqual([
        expect.objectContaining({
          rule: 'attribute-value',
          line: 1,
          message: `\`max\` must be a whole number from 0 to 10000 (the most iterations a Loop can run), got ${got}: write e.g. max={10}`,
        }),
      ]);
    }
    expect(compile(loop('10000'), 'limits.mdx').diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('an expression beyond the bound fails the Loop when it runs', async () => {
    const text = `---\ndata:\n  times: 100000000\n---\n${loop('times')}`;
    const { run } = await runToEnd(text);
    expect(failure(run)).toEqual({
      status: 'failed',
      key: '0.0',
      message: '`max` must be a whole number from 0 to 10000 (the most iterations a Loop can run), got 100000000: write e.g. max={10}',
    });
  });

  it('an action-less Loop ends at max, yielding to the event loop between iterations', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    try {
      const { run } = await runToEnd(loop('2000'));
      expect(failure(run).message).toBe('Loop `spin` reached max=2000 iterations and `until` is still false: fix `until` or raise max={...}');
    } finally {
      clearInterval(timer);
    }
    // a timer ran while the Loop spun: Ctrl+C (a signal handler) would too
    expect(ticks).toBeGreaterThan(0);
  });
});
