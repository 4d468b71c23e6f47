// A Loop or Cond written where another step was (same place in the file, so the same step
// key): its record is its own, and the step that comes back to that place later never
// shows the block's result as if it were its own.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileFixture, FIXTURES, outputs, startRun } from '../support/start-run.js';
import { savedState } from '../../src/runtime/saved-state.js';
import type { Run } from '../../src/runtime/run.js';
import type { GenerateRequest } from '../../src/models/types.js';

const runs: Run[] = [];
afterEach(() => runs.splice(0).forEach((run) => run.dispose()));

const ORIGINAL = readFileSync(join(FIXTURES, 'runtime/conversation.mdx'), 'utf8');
// the summary's place (step 1.0) now holds a Loop; the summary moves to 1.1
const WITH_LOOP = ORIGINAL.replace('Summarise: {haiku}', '<Loop as="drafts" until={$index === 2}>\nDraft {$index}\n\n<GenText as="draft" model="echo" />\n</Loop>\n\nSummarise: {haiku}');

function countingModel() {
  const model = {
    calls: 0,
    generate: async (_request: GenerateRequest) => ({ output: `reply ${++model.calls}`, usage: { inputTokens: 1, outputTokens: 1 } }),
  };
  return model;
}

async function finished(text: string, options: Parameters<typeof startRun>[1] = {}) {
  const started = await startRun('runtime/conversation.mdx', { text, ...options });
  runs.push(started.run);
  started.run.continue();
  await started.run.idle();
  return started.run;
}

describe('a block written where a step was', () => {
  it('the Loop\'s record is a Loop\'s: no prompt, messages, model or fingerprint of the step before it', async () => {
    const run = await finished(ORIGINAL, { generate: countingModel().generate });
    run.update({ workflow: compileFixture('runtime/conversation.mdx', WITH_LOOP) });
    run.continue();
    await run.idle();
    expect(run.state.steps['1.0']).toMatchObject({ action: 'Loop', as: 'drafts', status: 'done', messages: [], model: null, fingerprint: '' });
    expect(run.state.steps['1.0']!.output).toEqual([{ draft: 'reply 4' }, { draft: 'reply 5' }]);
  });

  it('undoing the change brings the step\'s own result back, not the Loop\'s, with no model call', async () => {
    const model = countingModel();
    const run = await finished(ORIGINAL, { generate: model.generate });
    run.update({ workflow: compileFixture('runtime/conversation.mdx', WITH_LOOP) });
    run.continue();
    await run.idle();
    expect(model.calls).toBe(6);
    run.update({ workflow: compileFixture('runtime/conversation.mdx', ORIGINAL) });
    await run.idle();
    expect(model.calls).toBe(6);
    expect(run.state.status).toBe('done');
    expect(outputs(run)).toEqual({ '0.0': 'reply 1', '0.1': 'reply 2', '1.0': 'reply 3' });
    expect(run.state.steps['1.0']).toMatchObject({ action: 'GenText', as: 'summary', output: 'reply 3', stale: false });
  });

  it('the same when a saved session is resumed with the file as it was before the Loop', async () => {
    const model = countingModel();
    const first = await finished(ORIGINAL, { generate: model.generate });
    const second = await finished(WITH_LOOP, { generate: model.generate, state: savedState(first.state), inputs: first.state.inputs });
    expect(model.calls).toBe(6);
    const { run: resumed } = await startRun('runtime/conversation.mdx', { text: ORIGINAL, generate: model.generate, state: savedState(second.state), inputs: second.state.inputs });
    runs.push(resumed);
    expect(model.calls).toBe(6);
    expect(resumed.state.status).toBe('done');
    expect(outputs(resumed)).toEqual({ '0.0': 'reply 1', '0.1': 'reply 2', '1.0': 'reply 3' });
  });
});

describe('a session saved by an earlier stepwise', () => {
  it('whose Loop record kept the fingerprint of the step before it: the step gets its own result back', async () => {
    const model = countingModel();
    const first = await finished(ORIGINAL, { generate: model.generate });
    const saved = savedState(first.state);
    // what earlier versions saved: the Loop took over the summary's record, fingerprint and all
    saved.steps['1.0'] = { ...saved.steps['1.0']!, action: 'Loop', as: 'drafts', output: [{ draft: 'reply 4' }] };
    const { run: resumed } = await startRun('runtime/conversation.mdx', { text: ORIGINAL, generate: model.generate, state: saved, inputs: saved.inputs });
    runs.push(resumed);
    expect(model.calls).toBe(3);
    expect(outputs(resumed)).toEqual({ '0.0': 'reply 1', '0.1': 'reply 2', '1.0': 'reply 3' });
    expect(resumed.state.steps['1.0']).toMatchObject({ action: 'GenText', as: 'summary' });
  });
});
