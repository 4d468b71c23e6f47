import { afterEach, describe, expect, it } from 'vitest';
import { outputs, startRun } from '../support/start-run.js';
import type { Run } from '../../src/runtime/run.js';

let run: Run | undefined;
afterEach(() => run?.dispose());

const HAIKU = '[system]\nYou are terse.\n\n[user]\nWrite a haiku about rain.';

describe('what each model call receives', () => {
  it('sends one conversation per phase: earlier prompts and results, then the step, role as system', async () => {
    ({ run } = await startRun('runtime/conversation.mdx'));
    run.continue();
    await run.idle();
    expect(run.state.status).toBe('done');
    expect(run.state.steps['0.0']!.messages).toEqual([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Write a haiku about rain.' },
    ]);
    expect(run.state.steps['0.1']!.messages).toEqual([
      { role: 'user', content: 'Write a haiku about rain.' },
      { role: 'assistant', content: HAIKU },
      { role: 'user', content: 'Now make it rhyme.' },
    ]);
    expect(outputs(run)).toEqual({
      '0.0': HAIKU,
      '0.1': `[user]\nWrite a haiku about rain.\n\n[assistant]\n${HAIKU}\n\n[user]\nNow make it rhyme.`,
      '1.0': `Summarise: ${HAIKU}`,
    });
    // a new phase starts an empty conversation
    expect(run.state.steps['1.0']!.messages).toEqual([{ role: 'user', content: `Summarise: ${HAIKU}` }]);
  });

  it('sends a block result as pretty JSON and skips a Cond that did not run', async () => {
    ({ run } = await startRun('runtime/cond.mdx'));
    run.continue();
    await run.idle();
    expect(run.state.status).toBe('done');
    expect(run.state.steps['0.1']!.output).toEqual({ verdict: 'Check this title: Draft a title.' });
    expect(run.state.steps['0.2']!.output).toBeNull();
    expect(run.state.steps['0.2#0/0.0']).toBeUndefined();
    expect(run.state.steps['0.3']!.output).toBe(
      '[user]\nDraft a title.\n\n[assistant]\nDraft a title.\n\n[assistant]\n{\n  "verdict": "Check this title: Draft a title."\n}\n\n[user]\nDone: Check this title: Draft a title.',
    );
  });
});

describe('loops', () => {
  it('runs one iteration per language with $index, provide and a fresh conversation each', async () => {
    ({ run } = await startRun('runtime/translate.mdx'));
    run.continue();
    await run.idle();
    expect(run.state.status).toBe('done');
    const french = 'Translate this poem to French (1 of 2):\n\nWrite a poem about cats.';
    const german = 'Translate this poem to German (2 of 2):\n\nWrite a poem about cats.';
    expect(run.state.steps['0.1#0/0.0']!.messages).toEqual([{ role: 'user', content: french }]);
    expect(run.state.steps['0.1']!.output).toEqual([{ poem: french }, { poem: german }]);
    expect(run.state.steps['1.0']!.prompt).toBe('Translate this poem to French (1 of 2): | Translate this poem to German (2 of 2):');
  });

  it('nests loops: $self is the inner loop, $outer names the outer one', async () => {
    ({ run } = await startRun('runtime/nested-loop.mdx'));
    run.continue();
    await run.idle();
    expect(run.state.status).toBe('done');
    expect(run.state.steps['0.0']!.output).toEqual([
      { inner: [{ cell: 'Cell a1 after 0' }, { cell: 'Cell a2 after 1' }, { cell: 'Cell a3 after 2' }] },
      { inner: [{ cell: 'Cell b1 after 0' }, { cell: 'Cell b2 after 1' }, { cell: 'Cell b3 after 2' }] },
    ]);
    expect(run.state.order.filter((k) => run!.state.steps[k]!.action === 'GenText')).toEqual([
      '0.0#0/0.0#0/0.0', '0.0#0/0.0#1/0.0', '0.0#0/0.0#2/0.0',
      '0.0#1/0.0#0/0.0', '0.0#1/0.0#1/0.0', '0.0#1/0.0#2/0.0',
    ]);
  });

  it('fails the loop step when max is reached, keeping earlier results', async () => {
    const text = '---\nmodel: echo\n---\n\nHello.\n\n<GenText as="hi" />\n\n<Loop as="forever" until={false} max={2}>\n  Again {$index}\n\n  <GenText as="again" />\n</Loop>\n';
    ({ run } = await startRun('inline.mdx', { text }));
    run.continue();
    await run.idle();
    expect(run.state.status).toBe('failed');
    expect(run.state.steps['0.0']!.output).toBe('Hello.');
    expect(run.state.steps['0.1#1/0.0']!.output).toBe('Again 1');
    expect(run.state.steps['0.1']!.status).toBe('failed');
    expect(run.state.error).toEqual({
      message: 'Loop `forever` reached max=2 iterations and `until` is still false: fix `until` or raise max={...}',
      step: 'forever',
      line: 9,
    });
  });
});

describe('failures', () => {
  it('fails only the step whose expression throws, with the expression and its line', async () => {
    const text = '---\nmodel: echo\ndata:\n  profile: null\n---\n\nFirst.\n\n<GenText as="first" />\n\n---\n\nName: {profile.name}\n\n<GenText as="second" />\n';
    ({ run } = await startRun('inline.mdx', { text }));
    run.continue();
    await run.idle();
    expect(run.state.status).toBe('failed');
    expect(run.state.steps['0.0']!.output).toBe('First.');
    expect(run.state.steps['1.0']!.status).toBe('failed');
    expect(run.state.steps['1.0']!.error!.line).toBe(13);
    expect(run.state.steps['1.0']!.error!.message).toMatch(/^\{profile\.name\}: /);
  });

  it('fails the step with an unknown provider and says how to fix it', async () => {
    const text = 'Hi.\n\n<GenText as="hi" model="nope:model" />\n';
    ({ run } = await startRun('inline.mdx', { text }));
    run.continue();
    await run.idle();
    expect(run.state.steps['0.0']!.status).toBe('failed');
    expect(run.state.steps['0.0']!.error!.message).toBe(
      'unknown model provider `nope` in `nope:model`; built in: openai, echo; add it under `providers` in stepwise.config.ts',
    );
  });
});

describe('GenObject', () => {
  it('streams partial objects and returns the object valid for a $.z schema', async () => {
    const text = '---\nmodel: echo\n---\n\nOutline it.\n\n<GenObject as="outline" schema={$.z.object({ title: $.z.string().min(3), tags: $.z.array($.z.string()).min(2), draft: $.z.boolean() })} />\n\nTitle: {outline.title}, {outline.tags.length} tags\n\n<GenText as="next" />\n';
    ({ run } = await startRun('inline.mdx', { text }));
    const partials: unknown[] = [];
    run.subscribe((event) => event.type === 'object-delta' && partials.push(event.partial));
    run.continue();
    await run.idle();
    expect(run.state.status).toBe('done');
    expect(run.state.steps['0.0']!.output).toEqual({ title: 'xxx', tags: ['', ''], draft: false });
    expect(partials.length).toBeGreaterThan(1);
    expect(partials.at(-1)).toEqual({ title: 'xxx', tags: ['', ''], draft: false });
    expect(run.state.steps['0.1']!.messages.at(-2)).toEqual({ role: 'assistant', content: '{\n  "title": "xxx",\n  "tags": [\n    "",\n    ""\n  ],\n  "draft": false\n}' });
    expect(run.state.steps['0.1']!.output).toBe('Title: xxx, 2 tags');
  });

  it('fails the step when the schema is not an object', async () => {
    const text = '---\nmodel: echo\ndata:\n  shape: title\n---\n\nOutline it.\n\n<GenObject as="outline" schema={shape} />\n';
    ({ run } = await startRun('inline.mdx', { text }));
    run.continue();
    await run.idle();
    expect(run.state.steps['0.0']!.error!.message).toBe('`schema` must be a JSON Schema object or built with $.z, e.g. schema={$.z.object({ title: $.z.string() })}');
  });
});
