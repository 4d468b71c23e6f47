// Autosaves and resuming: a snapshot is never `running`, and a resumed run brings its
// results back by fingerprint without asking the model.
import { afterEach, describe, expect, it } from 'vitest';
import { compileFixture, outputs, startRun } from '../support/start-run.js';
import { handModel } from '../support/hand-model.js';
import { savedState } from '../../src/runtime/saved-state.js';
import type { Run } from '../../src/runtime/run.js';
import type { RunState, StepRecord } from '../../src/runtime/types.js';

const runs: Run[] = [];
afterEach(() => runs.splice(0).forEach((run) => run.dispose()));

function counting() {
  const model = {
    calls: 0,
    generate: async () => ({ output: `reply ${++model.calls}`, usage: { inputTokens: 1, outputTokens: 1 } }),
  };
  return model;
}

async function resume(state: RunState, generate: ReturnType<typeof counting>['generate']) {
  const json = JSON.parse(JSON.stringify(state)) as RunState;
  const { run } = await startRun('runtime/conversation.mdx', { workflow: compileFixture('runtime/conversation.mdx'), state: json, inputs: json.inputs, generate });
  runs.push(run);
  return run;
}

describe('savedState', () => {
  it('a snapshot taken mid-step is paused, the running step cancelled with its partial text; the run itself is untouched', async () => {
    const model = handModel();
    const { run } = await startRun('runtime/conversation.mdx', { generate: model.generate });
    runs.push(run);
    run.continue();
    (await model.nextCall()).finish('one');
    const second = await model.nextCall();
    const saved = savedState(run.state);
    expect(saved.status).toBe('paused');
    expect(saved.steps['0.1']).toMatchObject({ status: 'cancelled', partial: 'partial ' });
    expect(saved.steps['0.0']).toEqual(run.state.steps['0.0']);
    expect(run.state.status).toBe('running');
    expect(run.state.steps['0.1']!.status).toBe('running');
    // later changes to the run do not reach the snapshot
    second.finish('two');
    await model.nextCall();
    expect(saved.order).toEqual(['0.0', '0.1']);
    expect(saved.history['0.1']).toBeUndefined();
    expect(saved.steps['0.1']!.status).toBe('cancelled');
    run.cancel();
    await run.idle();
  });

  it('a running Loop is saved cancelled too', async () => {
    const model = handModel();
    const { run } = await startRun('runtime/translate.mdx', { generate: model.generate });
    runs.push(run);
    run.continue();
    (await model.nextCall()).finish('poem');
    await model.nextCall();
    const saved = savedState(run.state);
    expect(saved.steps['0.1']!.status).toBe('cancelled');
    expect(Object.values(saved.steps).filter((r) => r.status === 'running')).toEqual([]);
    run.cancel();
    await run.idle();
  });

  it('is cheap for a large run: 1,000 steps, 1 MB of output', () => {
    const state = largeState(1000, 1000);
    expect(JSON.stringify(state).length).toBeGreaterThan(1_000_000);
    const saved = savedState(state);
    // outputs and versions are shared, never copied
    expect(saved.steps['5.0']!.output).toBe(state.steps['5.0']!.output);
    expect(saved.history['5.0']![0]).toBe(state.history['5.0']![0]);
    const started = performance.now();
    for (let i = 0; i < 10; i++) savedState(state);
    // about 1 ms on a laptop; the margin is for a busy CI machine
    expect((performance.now() - started) / 10).toBeLessThan(10);
  });
});

describe('resuming', () => {
  it('a session saved mid-step resumes: earlier results come back, the step that was running runs, its partial kept', async () => {
    const model = handModel();
    const { run } = await startRun('runtime/conversation.mdx', { generate: model.generate });
    runs.push(run);
    run.continue();
    (await model.nextCall()).finish('one');
    await model.nextCall();
    const saved = savedState(run.state);
    run.cancel();
    await run.idle();

    const again = counting();
    const resumed = await resume(saved, again.generate);
    expect(again.calls).toBe(0);
    expect(resumed.state.steps['0.0']).toMatchObject({ status: 'done', output: 'one' });
    expect(resumed.state.steps['0.1']!.status).toBe('cancelled');
    expect(resumed.state.history['0.1']).toMatchObject([{ id: 1, why: 'cancelled', partial: 'partial ' }]);
    expect(resumed.state.next).toBe('0.1');
    resumed.continue();
    await resumed.idle();
    expect(again.calls).toBe(2);
    expect(outputs(resumed)).toEqual({ '0.0': 'one', '0.1': 'reply 1', '1.0': 'reply 2' });
  });

  it('keeps a saved history, and results marked stale come back when their fingerprint matches', async () => {
    const first = counting();
    const { run } = await startRun('runtime/conversation.mdx', { generate: first.generate });
    runs.push(run);
    run.continue();
    await run.idle();
    run.edit('0.0', 'Mine.');
    await run.idle();
    run.restore('0.0', 1);
    await run.idle();
    const state = savedState(run.state);
    state.steps['0.1']!.stale = true;

    const again = counting();
    const resumed = await resume(state, again.generate);
    expect(again.calls).toBe(0);
    expect(resumed.state.status).toBe('done');
    expect(resumed.state.history).toEqual(JSON.parse(JSON.stringify(run.state.history)));
    expect(resumed.state.steps['0.1']!.stale).toBe(false);
  });

  it('a run.json written before histories existed gets one version per result', async () => {
    const first = counting();
    const { run } = await startRun('runtime/conversation.mdx', { generate: first.generate });
    runs.push(run);
    run.continue();
    await run.idle();
    run.edit('1.0', 'My summary.');
    await run.idle();
    const old = JSON.parse(JSON.stringify(run.state)) as Partial<RunState>;
    delete old.history;
    delete old.pending;
    for (const record of Object.values(old.steps!)) delete (record as Partial<StepRecord>).current;

    const again = counting();
    const resumed = await resume(old as RunState, again.generate);
    expect(again.calls).toBe(0);
    expect(outputs(resumed)).toEqual({ '0.0': 'reply 1', '0.1': 'reply 2', '1.0': 'My summary.' });
    expect(resumed.state.history['0.0']).toMatchObject([{ id: 1, why: 'generated', output: 'reply 1' }]);
    expect(resumed.state.history['1.0']).toMatchObject([{ id: 1, why: 'edited', output: 'My summary.', edited: true }]);
    expect(resumed.state.steps['1.0']!.current).toBe(1);
  });
});

function largeState(steps: number, bytesEach: number): RunState {
  const state: RunState = {
    version: 1, file: 'big.mdx', title: 'big', inputs: {}, status: 'running', order: [], steps: {}, next: null,
    usage: { inputTokens: 0, outputTokens: 0 }, startedAt: 0, error: null, history: {}, pending: null,
  };
  for (let i = 0; i < steps; i++) {
    const key = `${i}.0`;
    const output = 'x'.repeat(bytesEach);
    const record: StepRecord = {
      key, stepId: key, action: 'GenText', as: `s${i}`, phase: i, status: i === steps - 1 ? 'running' : 'done', stale: false,
      prompt: 'Write.', messages: [{ role: 'user', content: 'Write.' }], model: 'echo', output, edited: false, attempts: [],
      usage: { inputTokens: 1, outputTokens: 1 }, startedAt: 0, endedAt: 0, error: null, warnings: [], fingerprint: `f${i}`, current: 1,
    };
    state.order.push(key);
    state.steps[key] = record;
    state.history[key] = [{ id: 1, why: 'generated', output, at: 0, model: 'echo', usage: record.usage, fingerprint: record.fingerprint, prompt: record.prompt, messages: record.messages, attempts: [], edited: false, startedAt: 0, endedAt: 0 }];
  }
  return state;
}
