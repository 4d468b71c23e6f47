import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileFixture, FIXTURES, outputs, startRun } from '../support/start-run.js';
import type { Run } from '../../src/runtime/run.js';
import { handModel } from '../support/hand-model.js';

let run: Run | undefined;
afterEach(() => run?.dispose());

const HAIKU = '[system]\nYou are terse.\n\n[user]\nWrite a haiku about rain.';

describe('stepping', () => {
  it('a workflow that opens with a Loop is ready, not paused, before anything ran', async () => {
    ({ run } = await startRun('runtime/loop-until-answer.mdx'));
    await run.idle();
    expect(run.state.next).toBe('0.0#0/0.0');
    expect(run.state.status).toBe('ready');
  });

  it('waits for a command, then `next` runs exactly one action', async () => {
    ({ run } = await startRun('runtime/conversation.mdx'));
    expect(run.state.status).toBe('ready');
    expect(run.state.next).toBe('0.0');
    expect(run.state.order).toEqual([]);
    run.next();
    await run.idle();
    expect(run.state.status).toBe('paused');
    expect(outputs(run)).toEqual({ '0.0': HAIKU });
    expect(run.state.next).toBe('0.1');
  });

  it('`next` inside a loop runs one action of the body, not the whole loop', async () => {
    ({ run } = await startRun('runtime/translate.mdx'));
    run.next();
    await run.idle();
    run.next();
    await run.idle();
    expect(Object.keys(outputs(run))).toEqual(['0.0', '0.1#0/0.0']);
    expect(run.state.next).toBe('0.1#1/0.0');
    expect(run.state.steps['0.1']!.status).toBe('running');
  });

  it('`runPhase` finishes the current phase and stops before the next', async () => {
    ({ run } = await startRun('runtime/conversation.mdx'));
    run.runPhase();
    await run.idle();
    expect(Object.keys(outputs(run))).toEqual(['0.0', '0.1']);
    expect(run.state.next).toBe('1.0');
    run.continue();
    await run.idle();
    expect(run.state.status).toBe('done');
    expect(run.state.next).toBeNull();
  });

  it('`pause` stops after the current action', async () => {
    const model = handModel();
    ({ run } = await startRun('runtime/conversation.mdx', { generate: model.generate }));
    run.continue();
    const first = await model.nextCall();
    run.pause();
    first.finish('one');
    await run.idle();
    expect(outputs(run)).toEqual({ '0.0': 'one' });
    expect(run.state.status).toBe('paused');
    expect(model.calls).toHaveLength(1);
  });

  it('`cancel` aborts the generation mid-stream and keeps everything before it', async () => {
    const model = handModel();
    ({ run } = await startRun('runtime/conversation.mdx', { generate: model.generate }));
    run.continue();
    (await model.nextCall()).finish('one');
    const second = await model.nextCall();
    expect(run.state.steps['0.1']!.partial).toBe('partial ');
    run.cancel();
    await run.idle();
    expect(second.request.signal!.aborted).toBe(true);
    expect(run.state.steps['0.1']!.status).toBe('cancelled');
    expect(run.state.steps['0.0']!.output).toBe('one');
    expect(run.state.status).toBe('paused');
    expect(run.state.next).toBe('0.1');
    run.next();
    (await model.nextCall()).finish('two');
    await run.idle();
    expect(outputs(run)).toEqual({ '0.0': 'one', '0.1': 'two' });
  });
});

describe('reviewing results', () => {
  async function finished() {
    ({ run } = await startRun('runtime/conversation.mdx'));
    run.continue();
    await run.idle();
    return run;
  }

  it('`rerun` regenerates the step; when its output changes, every later result is stale', async () => {
    let calls = 0;
    ({ run } = await startRun('runtime/conversation.mdx', {
      generate: async () => ({ output: `reply ${++calls}`, usage: { inputTokens: 1, outputTokens: 1 } }),
    }));
    run.continue();
    await run.idle();
    const before = run.state.steps['0.0']!;
    run.rerun('0.0');
    await run.idle();
    expect(run.state.steps['0.0']).not.toBe(before);
    expect(run.state.steps['0.0']).toMatchObject({ status: 'done', output: 'reply 4' });
    expect(run.state.steps['0.1']!.stale).toBe(true);
    expect(run.state.steps['1.0']!.stale).toBe(true);
    expect(run.state.next).toBe('0.1');
  });

  it('`rerun` that comes out the same brings every later result back without asking the model', async () => {
    const run = await finished();
    const later = { rhyme: run.state.steps['0.1']!.output, summary: run.state.steps['1.0']!.output };
    const usage = run.state.usage;
    run.rerun('0.0');
    await run.idle();
    expect(run.state.status).toBe('done');
    expect(run.state.steps['0.1']).toMatchObject({ output: later.rhyme, stale: false, current: 1 });
    expect(run.state.steps['1.0']).toMatchObject({ output: later.summary, stale: false, current: 1 });
    expect(run.state.history['0.0']!.map((v) => v.why)).toEqual(['generated', 'generated']);
    expect(run.state.history['0.1']).toHaveLength(1);
    expect(run.state.usage.outputTokens).toBe(usage.outputTokens + run.state.steps['0.0']!.usage.outputTokens);
  });

  it('`edit` keeps the author\'s text, marks it, and later steps see it', async () => {
    const run = await finished();
    run.edit('0.0', 'My own haiku.');
    await run.idle();
    expect(run.state.steps['0.0']).toMatchObject({ output: 'My own haiku.', edited: true, stale: false });
    expect(run.state.steps['0.1']!.stale).toBe(true);
    run.continue();
    await run.idle();
    expect(run.state.steps['0.1']!.messages[1]).toEqual({ role: 'assistant', content: 'My own haiku.' });
    expect(run.state.steps['1.0']!.output).toBe('Summarise: My own haiku.');
    expect(run.state.steps['0.0']!.output).toBe('My own haiku.');
  });

  it('`feedback` regenerates with the instruction after the rejected attempt', async () => {
    const run = await finished();
    run.feedback('0.0', 'Shorter, please.');
    await run.idle();
    const record = run.state.steps['0.0']!;
    expect(record.attempts).toEqual([{ output: HAIKU, feedback: 'Shorter, please.' }]);
    expect(record.messages).toEqual([
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Write a haiku about rain.' },
      { role: 'assistant', content: HAIKU },
      { role: 'user', content: 'Shorter, please.' },
    ]);
    expect(record.output).toBe(`${HAIKU}\n\n[assistant]\n${HAIKU}\n\n[user]\nShorter, please.`);
    expect(run.state.steps['0.1']!.stale).toBe(true);
  });

  it('`rewind` drops the step and everything after it', async () => {
    const run = await finished();
    run.rewind('0.1');
    await run.idle();
    expect(Object.keys(outputs(run))).toEqual(['0.0']);
    expect(run.state.next).toBe('0.1');
    expect(run.state.status).toBe('paused');
  });
});

describe('changes to the file and the inputs', () => {
  it('keeps results the change did not touch and marks the first changed step and later ones stale', async () => {
    ({ run } = await startRun('runtime/conversation.mdx'));
    run.continue();
    await run.idle();
    const haiku = run.state.steps['0.0']!;
    const text = readFileSync(join(FIXTURES, 'runtime/conversation.mdx'), 'utf8').replace('Summarise:', 'Sum up:');
    run.update({ workflow: compileFixture('runtime/conversation.mdx', text) });
    await run.idle();
    expect(run.state.steps['0.0']).toBe(haiku);
    expect(run.state.steps['0.1']!.stale).toBe(false);
    expect(run.state.steps['1.0']!.stale).toBe(true);
    expect(run.state.next).toBe('1.0');
    run.next();
    await run.idle();
    expect(run.state.steps['1.0']!.output).toBe(`Sum up: ${HAIKU}`);
    expect(run.state.status).toBe('done');
  });

  it('a save while the last step runs: when it ends, the step is stale and waits, with no model call', async () => {
    const model = handModel();
    ({ run } = await startRun('runtime/conversation.mdx', { generate: model.generate }));
    run.continue();
    (await model.nextCall()).finish('one');
    (await model.nextCall()).finish('two');
    const last = await model.nextCall();
    const text = readFileSync(join(FIXTURES, 'runtime/conversation.mdx'), 'utf8').replace('Summarise:', 'Sum up:');
    run.update({ workflow: compileFixture('runtime/conversation.mdx', text) });
    last.finish('made from the old prompt');
    await run.idle();
    expect(run.state.steps['1.0']!.stale).toBe(true);
    expect(run.state.next).toBe('1.0');
    expect(run.state.status).toBe('paused');
    expect(model.calls).toHaveLength(3);
    run.next();
    (await model.nextCall()).finish('new');
    await run.idle();
    expect(model.calls[3]!.request.messages.at(-1)).toEqual({ role: 'user', content: 'Sum up: one' });
    expect(run.state.status).toBe('done');
  });

  it('changed inputs make dependent results stale', async () => {
    ({ run } = await startRun('runtime/conversation.mdx'));
    run.continue();
    await run.idle();
    run.update({ inputs: { topic: 'snow' } });
    await run.idle();
    expect(run.state.steps['0.0']!.stale).toBe(true);
    expect(run.state.next).toBe('0.0');
    run.continue();
    await run.idle();
    expect(run.state.steps['0.0']!.output).toBe('[system]\nYou are terse.\n\n[user]\nWrite a haiku about snow.');
  });
});
