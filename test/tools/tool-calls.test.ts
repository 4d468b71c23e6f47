// Tool calls end to end through the real AI SDK provider against the local HTTP server,
// which streams tool calls in the OpenAI chat-completions format.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startOpenAIServer, type OpenAIServer } from '../support/openai-server.js';
import { startRun } from '../support/start-run.js';
import { compile } from '../../src/compiler/index.js';
import { defineTool } from '../../src/tools/define.js';
import { toolCallLine } from '../../src/tools/call-line.js';
import { toolCallLines } from '../../components/shown-request.js';
import type { StepwiseConfig } from '../../src/config/define.js';
import type { Run } from '../../src/runtime/run.js';

let server: OpenAIServer;
let run: Run | undefined;
let added: Array<{ a: number; b: number }>;

beforeEach(async () => {
  server = await startOpenAIServer();
  added = [];
});
afterEach(async () => {
  run?.dispose();
  run = undefined;
  await server.close();
});

function config(extra: Partial<StepwiseConfig> = {}): StepwiseConfig {
  const add = defineTool({
    name: 'add',
    description: 'Adds two numbers',
    parameters: z.object({ a: z.number(), b: z.number() }),
    execute: ({ a, b }) => {
      added.push({ a, b });
      return a + b;
    },
  });
  const clock = defineTool({ name: 'clock', description: 'The time', parameters: z.object({}), approve: 'auto', execute: () => '12:00' });
  const broken = defineTool({ name: 'broken', description: 'Always fails', parameters: z.object({}), execute: () => { throw new Error('disk full'); } });
  return { providers: { local: { type: 'openai-compatible', baseURL: server.url } }, tools: [add, clock, broken], ...extra };
}

async function start(body: string, options: { noTools?: boolean; extra?: Partial<StepwiseConfig>; timeout?: number } = {}) {
  const cfg = config(options.extra);
  const text = `---\nmodel: local:m\n---\n\n${body}`;
  const result = compile(text, 'inline.mdx', { tools: cfg.tools!.map((t) => t.name) });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const started = await startRun('inline.mdx', { workflow: result.workflow!, config: cfg, noTools: options.noTools, timeout: options.timeout });
  run = started.run;
  return started;
}

const ADD = 'What is 2 + 3?\n\n<GenText as="sum" tools={[\'add\']} />\n';
const toolMessages = (i: number) => server.requests[i]!.body.messages.slice(1);

describe('tools', () => {
  it('headless (`c`): the call runs without asking, its result goes back, and the step records it', async () => {
    server.reply({ kind: 'tools', calls: [{ name: 'add', args: { a: 2, b: 3 } }] });
    server.reply({ kind: 'text', text: 'It is 5.' });
    await start(ADD);
    run!.continue();
    await run!.idle();
    expect(run!.state.status).toBe('done');
    const record = run!.state.steps['0.0']!;
    expect(record.output).toBe('It is 5.');
    expect(record.toolCalls).toEqual([{ id: '1', name: 'add', args: { a: 2, b: 3 }, status: 'done', result: 5 }]);
    expect(server.requests[0]!.body.tools).toEqual([
      { type: 'function', function: { name: 'add', description: 'Adds two numbers', parameters: expect.objectContaining({ type: 'object', required: ['a', 'b'] }) } },
    ]);
    expect(toolMessages(1)).toEqual([
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'add', arguments: '{"a":2,"b":3}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: '5' },
    ]);
    // the version in the step's history keeps its calls too
    expect(run!.state.history['0.0']!.at(-1)!.toolCalls).toEqual(record.toolCalls);
    expect(run!.state.usage.inputTokens).toBe(20);
  });

  for (const command of ['next', 'runPhase'] as const) it(`stepping (\`${command}\`): the call waits for the author; approving runs it`, async () => {
    server.reply({ kind: 'tools', calls: [{ name: 'add', args: { a: 2, b: 3 } }] });
    server.reply({ kind: 'text', text: 'It is 5.' });
    const { events } = await start(ADD);
    run![command]();
    await run!.idle();
    expect(run!.state.steps['0.0']!.toolCalls).toEqual([{ id: '1', name: 'add', args: { a: 2, b: 3 }, status: 'waiting' }]);
    expect(events.some((e) => e.type === 'tool-call' && e.call.status === 'waiting')).toBe(true);
    expect(added).toEqual([]);
    expect(server.requests).toHaveLength(1);
    run!.answerTool('0.0', '1', { kind: 'approve' });
    await run!.idle();
    expect(added).toEqual([{ a: 2, b: 3 }]);
    expect(run!.state.steps['0.0']!.output).toBe('It is 5.');
  });

  it('the author may take longer than the idle timeout to answer: the model call is already over', async () => {
    server.reply({ kind: 'tools', calls: [{ name: 'add', args: { a: 2, b: 3 } }] });
    server.reply({ kind: 'text', text: 'It is 5.' });
    await start(ADD, { timeout: 0.1 });
    run!.next();
    await run!.idle();
    // the time has to pass for a timeout to fire: longer than --timeout 0.1
    await new Promise((resolve) => setTimeout(resolve, 300));
    run!.answerTool('0.0', '1', { kind: 'approve' });
    await run!.idle();
    expect(run!.state.steps['0.0']!.error).toBeNull();
    expect(run!.state.steps['0.0']!.output).toBe('It is 5.');
  });

  it('edited arguments run instead of the model\'s, and both are recorded', async () => {
    server.reply({ kind: 'tools', calls: [{ name: 'add', args: { a: 2, b: 3 } }] });
    server.reply({ kind: 'text', text: 'It is 11.' });
    await start(ADD);
    run!.next();
    await run!.idle();
    run!.answerTool('0.0', '1', { kind: 'edit', args: { a: 10, b: 1 } });
    await run!.idle();
    expect(run!.state.steps['0.0']!.toolCalls).toEqual([{ id: '1', name: 'add', args: { a: 10, b: 1 }, proposed: { a: 2, b: 3 }, status: 'done', result: 11 }]);
    expect(toolMessages(1)[1]).toEqual({ role: 'tool', tool_call_id: 'call_1', content: '11' });
  });

  it('a rejection sends the author\'s message back as the tool\'s result, and the tool never runs', async () => {
    server.reply({ kind: 'tools', calls: [{ name: 'add', args: { a: 2, b: 3 } }] });
    server.reply({ kind: 'text', text: 'Fine, no adding.' });
    await start(ADD);
    run!.next();
    await run!.idle();
    run!.answerTool('0.0', '1', { kind: 'reject', message: 'do it in your head' });
    await run!.idle();
    expect(added).toEqual([]);
    expect(run!.state.steps['0.0']!.toolCalls![0]).toMatchObject({ status: 'rejected', result: 'do it in your head' });
    expect(toolMessages(1)[1]).toEqual({ role: 'tool', tool_call_id: 'call_1', content: 'do it in your head' });
    expect(run!.state.steps['0.0']!.output).toBe('Fine, no adding.');
  });

  it('`c` while a call waits runs it and every later one without asking', async () => {
    server.reply({ kind: 'tools', calls: [{ name: 'add', args: { a: 1, b: 1 } }] });
    server.reply({ kind: 'tools', calls: [{ name: 'add', args: { a: 2, b: 2 } }] });
    server.reply({ kind: 'text', text: 'Done.' });
    await start(ADD);
    run!.next();
    await run!.idle();
    expect(run!.state.steps['0.0']!.toolCalls![0]!.status).toBe('waiting');
    run!.continue();
    await run!.idle();
    expect(added).toEqual([{ a: 1, b: 1 }, { a: 2, b: 2 }]);
    expect(run!.state.status).toBe('done');
  });

  it("a tool with approve: 'auto' runs while stepping without asking", async () => {
    server.reply({ kind: 'tools', calls: [{ name: 'clock', args: {} }] });
    server.reply({ kind: 'text', text: 'Noon.' });
    await start('Time?\n\n<GenText as="t" tools={[\'clock\']} />\n');
    run!.next();
    await run!.idle();
    expect(run!.state.steps['0.0']!.toolCalls).toEqual([{ id: '1', name: 'clock', args: {}, status: 'done', result: '12:00' }]);
    expect(run!.state.steps['0.0']!.output).toBe('Noon.');
  });

  it('--no-tools refuses every call and tells the model so', async () => {
    server.reply({ kind: 'tools', calls: [{ name: 'add', args: { a: 2, b: 3 } }] });
    server.reply({ kind: 'text', text: 'I cannot add.' });
    await start(ADD, { noTools: true });
    run!.continue();
    await run!.idle();
    expect(added).toEqual([]);
    expect(run!.state.steps['0.0']!.toolCalls![0]).toMatchObject({ status: 'refused' });
    expect(toolMessages(1)[1]).toEqual({ role: 'tool', tool_call_id: 'call_1', content: 'refused: tools are turned off for this run (--no-tools); answer without calling tools' });
    expect(run!.state.steps['0.0']!.output).toBe('I cannot add.');
  });

  it('a tool that throws, bad arguments and an unknown tool go back to the model as errors; the step goes on', async () => {
    server.reply({ kind: 'tools', calls: [{ name: 'broken', args: {} }, { name: 'add', args: { a: 'two' } }, { name: 'mul', args: {} }] });
    server.reply({ kind: 'text', text: 'Sorry.' });
    await start('Try.\n\n<GenText as="x" tools={[\'broken\', \'add\']} />\n');
    run!.continue();
    await run!.idle();
    const calls = run!.state.steps['0.0']!.toolCalls!;
    expect(calls.map((c) => [c.name, c.status, c.result])).toEqual([
      ['broken', 'failed', '`broken` failed: disk full'],
      ['add', 'failed', 'invalid arguments for `add`: `a`: Invalid input: expected number, received string'],
      ['mul', 'failed', 'there is no tool `mul` here; the tools are `broken`, `add`'],
    ]);
    expect(toolMessages(1).slice(1).map((m: { content: string }) => m.content)).toEqual(calls.map((c) => c.result));
    expect(run!.state.steps['0.0']!.output).toBe('Sorry.');
  });

  it('a result over the output limit is not sent; the model is told to ask for less', async () => {
    server.reply({ kind: 'tools', calls: [{ name: 'big', args: {} }] });
    server.reply({ kind: 'text', text: 'Too big.' });
    const big = defineTool({ name: 'big', description: 'Huge', parameters: z.object({}), execute: () => 'x'.repeat(2000) });
    await start('Go.\n\n<GenText as="x" tools={[\'big\']} />\n', { extra: { limits: { output: 1000 }, tools: [big] } });
    run!.continue();
    await run!.idle();
    expect(run!.state.steps['0.0']!.toolCalls![0]).toMatchObject({
      status: 'failed',
      result: "the result of `big` is 2 KiB, over the 1000 bytes limit for one step's output; return less, or raise `limits.output` in stepwise.config.ts",
    });
    expect(run!.state.steps['0.0']!.output).toBe('Too big.');
  });

  it('a model still calling tools at maxSteps fails the step, saying how to fix it', async () => {
    server.reply({ kind: 'tools', calls: [{ name: 'add', args: { a: 1, b: 1 } }] });
    server.reply({ kind: 'tools', calls: [{ name: 'add', args: { a: 2, b: 2 } }] });
    await start('Add.\n\n<GenText as="x" tools={[\'add\']} maxSteps={2} />\n');
    run!.continue();
    await run!.idle();
    expect(run!.state.status).toBe('failed');
    expect(run!.state.steps['0.0']!.error!.message).toBe('the model was still calling tools after 2 model calls (maxSteps=2): raise it, e.g. maxSteps={4}, or ask for fewer calls in the prompt');
    expect(server.requests).toHaveLength(2);
  });

  it('Esc while a call waits cancels the step; the tool never runs', async () => {
    server.reply({ kind: 'tools', calls: [{ name: 'add', args: { a: 2, b: 3 } }] });
    await start(ADD);
    run!.next();
    await run!.idle();
    run!.cancel();
    await run!.idle();
    expect(run!.state.steps['0.0']!.status).toBe('cancelled');
    expect(added).toEqual([]);
    // the call says so too: it no longer waits for an answer (panel, m, output.md)
    expect(run!.state.steps['0.0']!.toolCalls!.map((c) => c.status)).toEqual(['cancelled']);
    expect(toolCallLine(run!.state.steps['0.0']!.toolCalls![0]!)).toBe('add {"a":2,"b":3} ⊘ cancelled');
    expect(toolCallLines(run!.state.steps['0.0']!.toolCalls!).slice(1)).toEqual([
      { label: '[tool call]', text: 'add {"a":2,"b":3}' },
      { label: '[tool result]', text: '(none: the step was cancelled)' },
    ]);
  });

  it('a call that waits when an earlier step is re-run is cancelled with its step, not left waiting', async () => {
    server.reply({ kind: 'text', text: 'Numbers.' });
    server.reply({ kind: 'tools', calls: [{ name: 'add', args: { a: 2, b: 3 } }] });
    server.reply({ kind: 'text', text: 'Numbers again.' });
    await start('Think of numbers.\n\n<GenText as="first" />\n\n' + ADD);
    run!.next();
    await run!.idle();
    run!.next();
    await run!.idle();
    expect(run!.state.steps['0.1']!.toolCalls!.map((c) => c.status)).toEqual(['waiting']);
    run!.rerun('0.0');
    await run!.idle();
    expect(run!.state.steps['0.1']!.toolCalls!.map((c) => c.status)).toEqual(['cancelled']);
    expect(added).toEqual([]);
  });

  it('GenObject with tools: the calls, then the object', async () => {
    server.reply({ kind: 'tools', calls: [{ name: 'add', args: { a: 2, b: 3 } }] });
    server.reply({ kind: 'json', value: { total: 5 } });
    await start('Sum it.\n\n<GenObject as="o" schema={$.z.object({ total: $.z.number() })} tools={[\'add\']} />\n');
    run!.continue();
    await run!.idle();
    expect(run!.state.steps['0.0']!.output).toEqual({ total: 5 });
    expect(run!.state.steps['0.0']!.toolCalls![0]).toMatchObject({ status: 'done', result: 5 });
  });

  it('`tools` from an expression naming an unknown tool fails the step with a did-you-mean', async () => {
    await start("Add.\n\n<GenText as=\"x\" tools={['ad'].map((n) => n + 'd').concat(['clok'])} />\n");
    run!.continue();
    await run!.idle();
    expect(run!.state.steps['0.0']!.error!.message).toBe('unknown tool `clok`; did you mean `clock`?');
    expect(server.requests).toHaveLength(0);
  });
});
