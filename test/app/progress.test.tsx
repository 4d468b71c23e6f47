// Progress the author can see while a run goes: the header's pausing state and elapsed
// time, a half-done Loop's count, each finished step's time and tokens, and the token
// estimate of a GenObject while it streams.
import { afterEach, describe, expect, it } from 'vitest';
import { handModel, mountApp } from '../support/app.js';
import { KEYS } from '../support/ink.js';
import type { GenerateRequest, GenerateResult } from '../../src/models/types.js';

let app: ReturnType<typeof mountApp> | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
});

const has = (...parts: string[]) => (frame: string) => parts.every((part) => frame.includes(part));
const header = (frame: string) => frame.split('\n')[0]!;

describe('progress in the run view', () => {
  it('after Space the header says pausing until the current action ends, then paused', async () => {
    const model = handModel();
    app = mountApp('runtime/conversation.mdx', { generate: model.generate });
    await app.wait(has('│ ready │'));
    await app.press('c', has('│ running │', 'partial'));
    const pausing = await app.press(KEYS.space, has('│ pausing │'));
    expect(header(pausing)).toMatch(/^conversation\.mdx · not watched │ ok │ pausing │/);
    model.calls[0]!.finish('first');
    const paused = await app.wait(has('│ paused │'));
    expect(paused).not.toContain('pausing │');
    expect(model.calls).toHaveLength(1);
  });

  it('the elapsed time counts wall time while a step runs', async () => {
    const model = handModel();
    app = mountApp('runtime/conversation.mdx', { generate: model.generate });
    await app.wait(has('│ ready │'));
    const running = await app.press('n', has('│ running │'));
    expect(header(running)).toMatch(/│ 0:00$/);
    // nothing but the clock changes while the model is silent
    const later = await app.wait((frame) => /│ 0:01$/.test(header(frame)));
    expect(header(later)).toContain('│ running │');
  }, 10_000);

  it('a finished step shows its tokens and time on its row', async () => {
    const model = handModel();
    app = mountApp('runtime/conversation.mdx', { generate: model.generate });
    await app.wait(has('│ ready │'));
    await app.press('n', has('│ running │'));
    model.calls[0]!.finish('A haiku.');
    const frame = await app.wait(has('│ paused │'));
    expect(frame).toMatch(/✓ haiku GenText +1\+2 tokens \d+\.\ds\n/);
    // a step still to run shows neither
    expect(frame).toMatch(/○ rhyme GenText\n/);
  });

  it('a half-done Loop shows `1 of 2` when `until` tells the count ahead', async () => {
    const model = handModel();
    app = mountApp('runtime/translate.mdx', { generate: model.generate });
    await app.wait(has('│ ready │'));
    await app.press('c', has('│ running │'));
    model.calls[0]!.finish('A poem.');
    (await model.nextCall()).finish('Un poème.');
    await model.nextCall();
    const frame = await app.wait(has('translations Loop  1 of 2'));
    expect(frame).toContain('│ running │');
  });

  it('a Loop whose `until` reads its results shows how many are done', async () => {
    const model = handModel();
    app = mountApp('runtime/loop-until-answer.mdx', { generate: model.generate });
    await app.wait(has('│ ready │'));
    await app.press('c', has('│ running │'));
    model.calls[0]!.finish('no');
    (await model.nextCall()).finish('no');
    await model.nextCall();
    await app.wait(has('tries Loop  2 done'));
    model.calls[2]!.finish('yes');
    const frame = await app.wait(has('│ done │'));
    expect(frame).toContain('tries Loop  3 iterations');
  });

  it('a GenObject streaming its object is counted in the header as an estimate, like text', async () => {
    let finish!: () => void;
    const generate = (request: GenerateRequest) =>
      new Promise<GenerateResult>((resolve) => {
        // {"name":"Whiskers the cat"} is 27 characters: about 7 tokens
        request.onPartialObject?.({ name: 'Whiskers the cat' });
        finish = () => resolve({ output: { name: 'Whiskers the cat' }, usage: { inputTokens: 5, outputTokens: 9 } });
      });
    app = mountApp('runtime/object.mdx', { generate });
    await app.wait((frame) => frame.includes('│ ready │') && app!.run !== undefined);
    const streaming = await app.press('n', has('│ running │', '~7 out tokens'));
    expect(header(streaming)).toContain('0 in + ~7 out tokens');
    finish();
    const done = await app.wait(has('│ done │'));
    expect(header(done)).toContain('5 in + 9 out tokens');
  });
});
