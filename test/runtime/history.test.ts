// Work that survives: every output a step has had stays in its history, no command destroys
// a result, and results come back by fingerprint without asking the model again.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileFixture, FIXTURES, outputs, startRun } from '../support/start-run.js';
import { handModel } from '../support/hand-model.js';
import type { Run } from '../../src/runtime/run.js';
import type { GenerateRequest } from '../../src/models/types.js';
import type { RunEvent } from '../../src/runtime/types.js';

let run: Run | undefined;
afterEach(() => run?.dispose());

const ORIGINAL = readFileSync(join(FIXTURES, 'runtime/conversation.mdx'), 'utf8');
const HAIKU = '[system]\nYou are terse.\n\n[user]\nWrite a haiku about rain.';

/** A model that answers `reply 1`, `reply 2`… and counts its calls. */
function countingModel() {
  const model = {
    calls: 0,
    generate: async (_request: GenerateRequest) => ({ output: `reply ${++model.calls}`, usage: { inputTokens: 1, outputTokens: 1 } }),
  };
  return model;
}

async function finished(options: Parameters<typeof startRun>[1] = {}) {
  const started = await startRun('runtime/conversation.mdx', options);
  run = started.run;
  run.continue();
  await run.idle();
  return started;
}

const historyEvents = (events: RunEvent[]) => events.filter((e) => e.type === 'history');

describe('the history of a step', () => {
  it('keeps each generation, feedback regeneration, edit and restore, newest last', async () => {
    const model = countingModel();
    const { run, events } = await finished({ generate: model.generate });
    run.rerun('0.0');
    await run.idle();
    run.feedback('0.0', 'Shorter.');
    await run.idle();
    run.edit('0.0', 'Mine.');
    await run.idle();
    run.restore('0.0', 1);
    await run.idle();
    const versions = run.state.history['0.0']!;
    expect(versions.map(({ id, why, from, feedback, output, edited }) => ({ id, why, from, feedback, output, edited }))).toEqual([
      { id: 1, why: 'generated', from: undefined, feedback: undefined, output: 'reply 1', edited: false },
      { id: 2, why: 'generated', from: undefined, feedback: undefined, output: 'reply 4', edited: false },
      { id: 3, why: 'feedback', from: undefined, feedback: 'Shorter.', output: 'reply 5', edited: false },
      { id: 4, why: 'edited', from: 3, feedback: undefined, output: 'Mine.', edited: true },
      { id: 5, why: 'restored', from: 1, feedback: undefined, output: 'reply 1', edited: false },
    ]);
    // an edit keeps the fingerprint of the generation it edited; all share the step's prompt here
    expect(new Set(versions.map((v) => v.fingerprint)).size).toBe(1);
    expect(versions[2]!.attempts).toEqual([{ output: 'reply 4', feedback: 'Shorter.' }]);
    expect(run.state.steps['0.0']).toMatchObject({ output: 'reply 1', current: 5, status: 'done', stale: false, edited: false, attempts: [] });
    // the later results made from version 1 hold again: they come back, no model asked
    expect(model.calls).toBe(5);
    expect(outputs(run)).toEqual({ '0.0': 'reply 1', '0.1': 'reply 2', '1.0': 'reply 3' });
    expect(run.state.status).toBe('done');
    expect(historyEvents(events).filter((e) => e.key === '0.0')).toEqual([
      { type: 'history', key: '0.0', restored: false },
      { type: 'history', key: '0.0', restored: false },
      { type: 'history', key: '0.0', restored: false },
      { type: 'history', key: '0.0', restored: false },
      { type: 'history', key: '0.0', restored: true },
    ]);
  });

  it('restoring an edit brings the author\'s text back, marked as edited', async () => {
    const { run } = await finished();
    run.edit('0.0', 'Mine.');
    await run.idle();
    run.rerun('0.0');
    await run.idle();
    run.restore('0.0', 2);
    await run.idle();
    expect(run.state.steps['0.0']).toMatchObject({ output: 'Mine.', edited: true, current: 4 });
    expect(run.state.history['0.0']!.at(-1)).toMatchObject({ why: 'restored', from: 2, output: 'Mine.' });
  });
});

describe('no command destroys a result', () => {
  it('Esc during a re-run puts the previous version back; the partial text stays in the history', async () => {
    const model = handModel();
    ({ run } = await startRun('runtime/conversation.mdx', { generate: model.generate }));
    run.next();
    (await model.nextCall()).finish('one');
    await run.idle();
    const before = run.state.steps['0.0']!;
    run.rerun('0.0');
    await model.nextCall();
    run.cancel();
    await run.idle();
    expect(run.state.steps['0.0']).toBe(before);
    expect(run.state.steps['0.0']).toMatchObject({ status: 'done', output: 'one', current: 1, stale: false });
    expect(run.state.history['0.0']!.map(({ id, why, partial }) => ({ id, why, partial }))).toEqual([
      { id: 1, why: 'generated', partial: undefined },
      { id: 2, why: 'cancelled', partial: 'partial ' },
    ]);
    expect(run.state.next).toBe('0.1');
    expect(model.calls).toHaveLength(2);
  });

  it('Esc during a feedback regeneration puts the previous version back with its attempts as they were', async () => {
    const model = handModel();
    ({ run } = await startRun('runtime/conversation.mdx', { generate: model.generate }));
    run.next();
    (await model.nextCall()).finish('one');
    await run.idle();
    run.feedback('0.0', 'Shorter.');
    (await model.nextCall()).finish('two');
    await run.idle();
    const shown = run.state.steps['0.0']!;
    expect(shown.attempts).toEqual([{ output: 'one', feedback: 'Shorter.' }]);
    run.feedback('0.0', 'Shorter still.');
    const third = await model.nextCall();
    expect(third.request.messages.slice(-2)).toEqual([{ role: 'assistant', content: 'two' }, { role: 'user', content: 'Shorter still.' }]);
    run.cancel();
    await run.idle();
    expect(run.state.steps['0.0']).toMatchObject({ status: 'done', output: 'two', current: 2, attempts: [{ output: 'one', feedback: 'Shorter.' }] });
    expect(run.state.history['0.0']!.map((v) => v.why)).toEqual(['generated', 'feedback', 'cancelled']);
    // the cancelled version keeps the instruction it was asked with
    expect(run.state.history['0.0']!.map((v) => v.feedback)).toEqual([undefined, 'Shorter.', 'Shorter still.']);
    expect(run.state.history['0.0']![2]!.attempts).toHaveLength(2);
  });

  it('Esc during a first generation leaves the step cancelled, its partial text in the history', async () => {
    const model = handModel();
    ({ run } = await startRun('runtime/conversation.mdx', { generate: model.generate }));
    run.next();
    await model.nextCall();
    run.cancel();
    await run.idle();
    expect(run.state.steps['0.0']).toMatchObject({ status: 'cancelled', current: 1 });
    expect(run.state.history['0.0']).toMatchObject([{ id: 1, why: 'cancelled', partial: 'partial ' }]);
    // a cancelled partial never stands in for a result
    run.next();
    (await model.nextCall()).finish('one');
    await run.idle();
    expect(run.state.steps['0.0']).toMatchObject({ status: 'done', output: 'one', current: 2 });
  });

  it('rewind drops results from the run but keeps them in their histories, and they are not brought back', async () => {
    const model = countingModel();
    const { run, events } = await finished({ generate: model.generate });
    run.rewind('0.1');
    await run.idle();
    expect(Object.keys(outputs(run))).toEqual(['0.0']);
    expect(run.state.history['0.1']).toMatchObject([{ id: 1, output: 'reply 2', dropped: true }]);
    expect(run.state.history['1.0']).toMatchObject([{ id: 1, output: 'reply 3', dropped: true }]);
    expect(historyEvents(events).slice(-2)).toEqual([
      { type: 'history', key: '0.1', restored: false },
      { type: 'history', key: '1.0', restored: false },
    ]);
    run.continue();
    await run.idle();
    expect(model.calls).toBe(5);
    expect(outputs(run)).toEqual({ '0.0': 'reply 1', '0.1': 'reply 4', '1.0': 'reply 5' });
    expect(run.state.history['0.1']!.map((v) => v.dropped ?? false)).toEqual([true, false]);
  });
});

describe('results come back by fingerprint', () => {
  it('undoing a prompt change brings every result back, the edit included, without a model call', async () => {
    const model = countingModel();
    const { run, events } = await finished({ generate: model.generate });
    run.edit('0.0', 'My own haiku.');
    await run.idle();
    run.continue();
    await run.idle();
    expect(model.calls).toBe(5);
    const before = outputs(run);
    expect(before).toEqual({ '0.0': 'My own haiku.', '0.1': 'reply 4', '1.0': 'reply 5' });

    run.update({ workflow: compileFixture('runtime/conversation.mdx', ORIGINAL.replace('Write a haiku', 'Write a limerick')) });
    await run.idle();
    expect(run.state.steps['0.0']!.stale).toBe(true);
    expect(run.state.next).toBe('0.0');
    run.continue();
    await run.idle();
    expect(model.calls).toBe(8);
    expect(run.state.steps['0.0']).toMatchObject({ output: 'reply 6', edited: false });

    const usage = run.state.usage;
    events.length = 0;
    run.update({ workflow: compileFixture('runtime/conversation.mdx', ORIGINAL) });
    await run.idle();
    expect(model.calls).toBe(8);
    expect(run.state.usage).toEqual(usage);
    expect(run.state.status).toBe('done');
    expect(outputs(run)).toEqual(before);
    expect(run.state.steps['0.0']).toMatchObject({ edited: true, stale: false, current: 2 });
    expect(Object.values(run.state.steps).filter((r) => r.stale)).toEqual([]);
    expect(historyEvents(events)).toEqual(['0.0', '0.1', '1.0'].map((key) => ({ type: 'history', key, restored: true })));
    expect(events.filter((e) => e.type === 'step-start')).toEqual([]);
  });

  it('the same holds when the changed prompt was never run: the results are only marked stale, then come back', async () => {
    const model = countingModel();
    await finished({ generate: model.generate });
    run!.edit('0.0', 'Mine.');
    await run!.idle();
    run!.update({ workflow: compileFixture('runtime/conversation.mdx', ORIGINAL.replace('Write a haiku', 'Write a limerick')) });
    await run!.idle();
    run!.update({ workflow: compileFixture('runtime/conversation.mdx', ORIGINAL) });
    await run!.idle();
    expect(model.calls).toBe(3);
    expect(run!.state.steps['0.0']).toMatchObject({ output: 'Mine.', edited: true, stale: false });
    expect(run!.state.next).toBe('0.1');
  });

  it('rerun asks the model again even though the fingerprint still matches', async () => {
    const model = countingModel();
    await finished({ generate: model.generate });
    run!.rerun('1.0');
    await run!.idle();
    expect(model.calls).toBe(4);
    expect(run!.state.steps['1.0']).toMatchObject({ output: 'reply 4', current: 2 });
  });

  it('a rerun that fails is retried by the next step command rather than replaced by the old result', async () => {
    let fail = false;
    let calls = 0;
    await finished({
      generate: async () => {
        calls += 1;
        if (fail) throw new Error('rate limited');
        return { output: `reply ${calls}`, usage: { inputTokens: 0, outputTokens: 0 } };
      },
    });
    fail = true;
    run!.rerun('1.0');
    await run!.idle();
    expect(run!.state.steps['1.0']!.status).toBe('failed');
    fail = false;
    run!.next();
    await run!.idle();
    expect(calls).toBe(5);
    expect(run!.state.steps['1.0']).toMatchObject({ status: 'done', output: 'reply 5' });
  });
});

describe('restoring a version', () => {
  it('of a rewound step: it comes back when the pass reaches it with the same fingerprint', async () => {
    const model = countingModel();
    const { run } = await finished({ generate: model.generate });
    run.rewind('1.0');
    await run.idle();
    expect(run.state.next).toBe('1.0');
    run.restore('1.0', 1);
    await run.idle();
    expect(model.calls).toBe(3);
    expect(run.state.status).toBe('done');
    expect(run.state.steps['1.0']).toMatchObject({ output: 'reply 3', current: 2 });
    expect(run.state.history['1.0']).toMatchObject([{ id: 1, dropped: true }, { id: 2, why: 'restored', from: 1 }]);
  });

  it('inside a loop: undoing a change to the body brings every iteration back', async () => {
    const model = countingModel();
    const text = readFileSync(join(FIXTURES, 'runtime/translate.mdx'), 'utf8');
    ({ run } = await startRun('runtime/translate.mdx', { generate: model.generate }));
    run.continue();
    await run.idle();
    const before = outputs(run);
    run.update({ workflow: compileFixture('runtime/translate.mdx', text.replace('Translate this poem', 'Render this poem')) });
    await run.idle();
    expect(run.state.next).toBe('0.1#0/0.0');
    run.continue();
    await run.idle();
    expect(model.calls).toBe(7);
    run.update({ workflow: compileFixture('runtime/translate.mdx', text) });
    await run.idle();
    expect(model.calls).toBe(7);
    expect(outputs(run)).toEqual(before);
    expect(run.state.status).toBe('done');
  });
});

describe('the step at the gate', () => {
  it('state.pending holds the prompt the next step would send now', async () => {
    ({ run } = await startRun('runtime/conversation.mdx'));
    expect(run.state.pending).toEqual({ key: '0.0', prompt: 'Write a haiku about rain.' });
    run.runPhase();
    await run.idle();
    expect(run.state.pending).toEqual({ key: '1.0', prompt: `Summarise: ${HAIKU}` });
    run.update({ workflow: compileFixture('runtime/conversation.mdx', ORIGINAL.replace('Now make it rhyme.', 'Now make it rhyme twice.')) });
    await run.idle();
    expect(run.state.steps['0.1']).toMatchObject({ stale: true, prompt: 'Now make it rhyme.' });
    expect(run.state.pending).toEqual({ key: '0.1', prompt: 'Now make it rhyme twice.' });
    run.continue();
    await run.idle();
    expect(run.state.pending).toBeNull();
  });
});
