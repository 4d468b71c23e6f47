// A step's preview: what it would send if it ran now, before it runs (docs/tui.md §1), with
// `{expr}` left where a value does not exist yet; no model call, no change to the run.
import { afterEach, describe, expect, it } from 'vitest';
import { compileFixture, startRun } from '../support/start-run.js';
import type { Run } from '../../src/runtime/run.js';
import type { GenerateRequest } from '../../src/models/types.js';
import { createRun } from '../../src/runtime/create-run.js';

let run: Run | undefined;
afterEach(() => run?.dispose());

const SUMMARY_SCHEMA = { type: 'object', properties: { line: { type: 'string' } }, required: ['line'], additionalProperties: false };

describe('previewing a step before it runs', () => {
  it('fills in the inputs and leaves the results that do not exist yet as written', async () => {
    ({ run } = await startRun('runtime/preview.mdx'));
    expect(run.preview('0.0')).toMatchObject({ as: 'poem', action: 'GenText', model: 'echo', prompt: 'Write a poem for kids.', messages: [{ role: 'user', content: 'Write a poem for kids.' }] });
    expect(run.preview('1.0')).toEqual({
      key: '1.0',
      as: 'summary',
      action: 'GenObject',
      model: 'echo',
      prompt: 'Summarise {poem} for kids, titled {title.toUpperCase()}.',
      messages: [{ role: 'user', content: 'Summarise {poem} for kids, titled {title.toUpperCase()}.' }],
      attributes: { schemaName: 'Summary', schema: SUMMARY_SCHEMA, options: { temperature: 0.2, maxTokens: 50 } },
    });
  });

  it("shows the phase's conversation so far, an earlier step without a result answering {its name}", async () => {
    ({ run } = await startRun('runtime/preview.mdx'));
    expect(run.preview('0.1')!.messages).toEqual([
      { role: 'user', content: 'Write a poem for kids.' },
      { role: 'assistant', content: '{poem}' },
      { role: 'user', content: 'Give it a title of 4 words.' },
    ]);
    run.next();
    await run.idle();
    expect(run.preview('0.1')!.messages[1]).toEqual({ role: 'assistant', content: 'Write a poem for kids.' });
  });

  it('fills in a result once it exists, and matches what the step at the gate would send', async () => {
    ({ run } = await startRun('runtime/preview.mdx'));
    run.runPhase();
    await run.idle();
    expect(run.state.next).toBe('1.0');
    const preview = run.preview('1.0')!;
    expect(preview.prompt).toBe('Summarise Write a poem for kids. for kids, titled GIVE IT A TITLE OF 4 WORDS..');
    expect(preview.prompt).toBe(run.state.pending!.prompt);
    run.next();
    await run.idle();
    expect(run.state.steps['1.0']!.messages).toEqual(preview.messages);
  });

  it('calls no model and changes nothing in the run', async () => {
    const requests: GenerateRequest[] = [];
    ({ run } = await startRun('runtime/preview.mdx', { generate: async (request) => (requests.push(request), { output: 'x', usage: { inputTokens: 1, outputTokens: 1 } }) }));
    const before = JSON.stringify(run.state);
    const events: unknown[] = [];
    run.subscribe((event) => events.push(event));
    for (const key of ['0.0', '0.1', '1.0']) run.preview(key);
    expect(requests).toEqual([]);
    expect(events).toEqual([]);
    expect(JSON.stringify(run.state)).toBe(before);
    expect(run.preview('1.0')).toBe(run.preview('1.0'));
  });

  it('a stale step previews what it would send now, not the prompt its result was made from', async () => {
    ({ run } = await startRun('runtime/preview.mdx'));
    run.continue();
    await run.idle();
    run.update({ inputs: { audience: 'adults' } });
    await run.idle();
    expect(run.state.steps['0.0']!.stale).toBe(true);
    expect(run.state.steps['0.0']!.prompt).toBe('Write a poem for kids.');
    expect(run.preview('0.0')!.prompt).toBe('Write a poem for adults.');
    // its result will be made again, so a later step cannot use it yet
    expect(run.preview('1.0')!.prompt).toBe('Summarise {poem} for adults, titled {title.toUpperCase()}.');
  });

  it('previews a step inside a Loop iteration with its provided names and $index', async () => {
    ({ run } = await startRun('runtime/translate.mdx'));
    run.next();
    await run.idle();
    run.next();
    await run.idle();
    expect(run.preview('0.1#1/0.0')!.prompt).toBe('Translate this poem to German (2 of 2):\n\nWrite a poem about cats.');
  });

  it('previewing every step of a long phase evaluates each expression once, and again only after the run changes', async () => {
    const steps = Array.from({ length: 60 }, (_, i) => `Step ${i} for {audience}.\n\n<GenText as="s${i}" />\n`).join('\n');
    const text = `---\nmodel: echo\ninput:\n  audience:\n    default: kids\n---\n\n${steps}`;
    ({ run } = await startRun('runtime/long-phase.mdx', { text }));
    const evaluate = run.sandbox.evaluate.bind(run.sandbox);
    let evaluations = 0;
    run.sandbox.evaluate = (source, scope) => (evaluations++, evaluate(source, scope));
    for (let i = 59; i >= 0; i--) run.preview(`0.${i}`);
    expect(evaluations).toBe(60);
    expect(run.preview('0.59')!.messages).toHaveLength(119);
    expect(evaluations).toBe(60);
    run.next();
    await run.idle();
    evaluations = 0;
    expect(run.preview('0.1')!.messages[1]).toEqual({ role: 'assistant', content: 'Step 0 for kids.' });
    expect(evaluations).toBe(2);
  });

  it('null for a key the workflow has no action step for', async () => {
    ({ run } = await startRun('runtime/preview.mdx'));
    expect(run.preview('7.0')).toBeNull();
    expect(run.preview('0.0#0/0.0')).toBeNull();
  });

  it('a new input without a value stays as written', async () => {
    const workflow = compileFixture('runtime/preview.mdx');
    run = await createRun({ workflow, inputs: {}, env: { STEPWISE_ECHO_DELAY_MS: '0' } });
    expect(run.preview('0.0')!.prompt).toBe('Write a poem for {audience}.');
  });
});

describe('what a step sent', () => {
  it('keeps the options, schema and schema name beside the messages', async () => {
    ({ run } = await startRun('runtime/preview.mdx'));
    run.continue();
    await run.idle();
    expect(run.state.steps['1.0']!.attributes).toEqual({ schemaName: 'Summary', schema: SUMMARY_SCHEMA, options: { temperature: 0.2, maxTokens: 50 } });
    expect(run.state.steps['0.0']!.attributes).toEqual({});
  });
});
