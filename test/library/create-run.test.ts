// `createRun` from 'stepwise': the run the TUI drives, stepped by a program. Each command
// is followed by the events a front end would render, and the state they leave behind.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ToolAnswer, ToolCall } from '../../src/index.js';
import { startOpenAIServer, type OpenAIServer } from '../support/openai-server.js';
import { assertBuilt } from '../support/run-cli.js';
import { project, runScript } from './support.js';

beforeAll(assertBuilt);

// Each event as one word or two; a stream of text deltas counts once.
const SCRIPT = `import { createRun } from 'stepwise';
const run = await createRun('poem.mdx', { model: 'echo', inputs: { topic: 'rain' } });
const seen = [];
run.subscribe((event) => {
  const said = [event.type, 'key' in event ? event.key : '', event.type === 'status' ? event.status : '', event.type === 'paused' ? 'next=' + event.next : ''].filter(Boolean).join(' ');
  if (event.type !== 'text-delta' || seen.at(-1) !== said) seen.push(said);
});
const report = (command) => console.log(JSON.stringify({ command, status: run.state.status, next: run.state.next, events: seen.splice(0), outputs: run.state.order.map((key) => run.state.steps[key].output) }));
await run.idle();
const preview = run.preview('0.0');
console.log(JSON.stringify({ status: run.state.status, next: run.state.next, order: run.state.order, preview: [preview.model, preview.messages] }));
seen.length = 0;
run.next();
await run.idle();
report('next');
run.feedback('0.0', 'Make it rhyme.');
await run.idle();
report('feedback');
run.continue();
await run.idle();
report('continue');
console.log(JSON.stringify(run.state.history['0.0'].map((version) => [version.id, version.why, version.feedback ?? null])));
run.dispose();
`;

describe("createRun(file, options) from 'stepwise'", () => {
  it('waits at the first action, then runs one action per `next`, regenerates on feedback and finishes on `continue`', async () => {
    const dir = project({}, ['poem.mdx']);
    const result = await runScript(dir, SCRIPT);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const [opened, next, feedback, rest, history] = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    const poem = 'Write a short poem (eight lines at most) about rain. Reply with the poem only.';
    // before anything runs, the first step shows what it would send
    expect(opened).toEqual({ status: 'ready', next: '0.0', order: [], preview: ['echo', [{ role: 'user', content: poem }]] });
    expect(next).toEqual({
      command: 'next',
      status: 'paused',
      next: '1.0',
      events: ['status running', 'step-start 0.0', 'text-delta 0.0', 'step-end 0.0', 'history 0.0', 'usage', 'status paused', 'paused next=1.0'],
      outputs: [poem],
    });
    // echo answers the last user message: the author's instruction
    expect(feedback).toEqual({
      command: 'feedback',
      status: 'paused',
      next: '1.0',
      events: ['stale', 'status running', 'step-start 0.0', 'text-delta 0.0', 'step-end 0.0', 'history 0.0', 'usage', 'status paused', 'paused next=1.0'],
      outputs: ['Make it rhyme.'],
    });
    expect(rest).toEqual({
      command: 'continue',
      status: 'done',
      next: null,
      events: ['status running', 'step-start 1.0', 'text-delta 1.0', 'step-end 1.0', 'history 1.0', 'usage', 'status done', 'done'],
      outputs: ['Make it rhyme.', 'Translate this poem into French. Keep its line breaks, and reply with the\ntranslation only.\n\nMake it rhyme.'],
    });
    expect(history).toEqual([
      [1, 'generated', null],
      [2, 'feedback', 'Make it rhyme.'],
    ]);
  });

  it('resolves already waiting at the first action: state.next and preview() are there at once', async () => {
    const dir = project({}, ['poem.mdx']);
    const result = await runScript(dir, `import { createRun } from 'stepwise';
const run = await createRun('poem.mdx', { model: 'echo', inputs: { topic: 'rain' } });
console.log(run.state.status, run.state.next, run.preview(run.state.next).prompt);
run.dispose();
`);
    expect(result).toEqual({ code: 0, stderr: '', stdout: 'ready 0.0 Write a short poem (eight lines at most) about rain. Reply with the poem only.\n' });
  });

  it('a required input nobody gave rejects before anything runs', async () => {
    const dir = project({ 'needs.mdx': '---\ninput:\n  topic: {}\n---\n\nAbout {topic}.\n\n<GenText as="x" model="echo" />\n' });
    const result = await runScript(dir, `import { createRun } from 'stepwise';
await createRun('needs.mdx').catch((error) => console.log(error.kind, error.message));
`);
    expect(result).toEqual({ code: 0, stderr: '', stdout: 'inputs missing input `topic` (Topic): give `inputs: { topic: ... }`\n' });
  });
});

describe("createRun: a tool call waits for the program while it steps", () => {
  let server: OpenAIServer;
  beforeEach(async () => {
    server = await startOpenAIServer();
  });
  afterEach(async () => {
    await server.close();
  });

  // typed as a program in TypeScript writes it: the answer and the call are exported types
  const reject: ToolAnswer = { kind: 'reject', message: 'use 3 and 4' };
  const answered: Array<ToolCall['status']> = ['rejected', 'done'];

  it('next() stops at the call (a tool-call event, idle() resolves), answerTool() sends the answer to the model', async () => {
    server.reply({ kind: 'tools', calls: [{ name: 'add', args: { a: 1, b: 2 } }] });
    server.reply({ kind: 'tools', calls: [{ name: 'add', args: { a: 3, b: 4 } }] });
    server.reply({ kind: 'text', text: 'The sum is 7.' });
    const dir = project({
      'stepwise.config.mjs': `import { defineConfig, defineTool } from 'stepwise';
import { z } from 'zod';
export default defineConfig({ tools: [defineTool({ name: 'add', description: 'Adds two numbers', parameters: z.object({ a: z.number(), b: z.number() }), execute: ({ a, b }) => a + b })] });
`,
      'sum.mdx': 'Add two numbers.\n\n<GenText as="sum" model="openai:gpt-4o-mini" tools={[\'add\']} />\n',
    });
    const result = await runScript(
      dir,
      `import { createRun } from 'stepwise';
const run = await createRun('sum.mdx');
run.subscribe((event) => { if (event.type === 'tool-call' && event.call.status === 'waiting') console.log('waiting', event.key, event.call.id, JSON.stringify(event.call.args)); });
run.next();
await run.idle();
run.answerTool('0.0', '1', ${JSON.stringify(reject)});
await run.idle();
run.answerTool('0.0', '2', { kind: 'approve' });
await run.idle();
console.log(run.state.status, JSON.stringify(run.state.steps['0.0'].toolCalls.map((call) => [call.status, call.result])), run.state.steps['0.0'].output);
run.dispose();
`,
      { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'sk-test-library' },
    );
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      ['waiting 0.0 1 {"a":1,"b":2}', 'waiting 0.0 2 {"a":3,"b":4}', `done [["${answered[0]}","use 3 and 4"],["${answered[1]}",7]] The sum is 7.`, ''].join('\n'),
    );
    expect(server.requests[1]!.body.messages.at(-1)).toEqual({ role: 'tool', tool_call_id: 'call_1', content: 'use 3 and 4' });
  });
});
