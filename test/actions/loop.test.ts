import { describe, expect, it } from 'vitest';
import { runLoop } from '../../src/actions/loop.js';
import { fakeBlock } from './block-context.js';

describe('Loop', () => {
  it('runs the body until `until` holds, each iteration with its helpers, and returns the iterations', async () => {
    const fake = fakeBlock('Loop', {
      until: (extra) => extra.$index === 2,
      provide: (extra) => ({ at: extra.$index }),
    }, (index) => ({ n: index * 10 }));
    expect(await runLoop(fake.context)).toEqual([{ n: 0 }, { n: 10 }]);
    expect(fake.bodies.map((body) => [body.index, body.provided, body.helpers.$index, body.helpers.$last, body.helpers.$outer])).toEqual([
      [0, { at: 0 }, 0, undefined, 'o'],
      [1, { at: 1 }, 1, { n: 0 }, 'o'],
    ]);
    expect(fake.bodies[1]!.helpers.$items).toEqual({ index: 1, self: [{ n: 0 }], last: { n: 0 } });
    // the total is read ahead from `until` ($index only), so the progress shows it
    expect(fake.progress).toEqual([[0, 2], [1, 2]]);
    // each iteration's JSON (`{"n":0}`), plus one, counts toward what the run saves
    expect(fake.counted).toEqual([8, 9]);
  });

  it('fails with a message that says how to fix it when `until` is still false at max', async () => {
    const fake = fakeBlock('Loop', { until: () => false, max: () => 1 });
    await expect(runLoop(fake.context)).rejects.toThrow('Loop `items` reached max=1 iterations and `until` is still false: fix `until` or raise max={...}');
    expect(fake.bodies.map((body) => body.index)).toEqual([0]);
  });

  it('refuses a max that is not a whole number before running the body', async () => {
    const fake = fakeBlock('Loop', { until: () => false, max: () => 2.5 });
    await expect(runLoop(fake.context)).rejects.toThrow('`max` must be a whole number from 0 to');
    expect(fake.bodies).toEqual([]);
  });

  it('refuses a `provide` that is not an object of names', async () => {
    const fake = fakeBlock('Loop', { until: () => false, provide: () => [1] });
    await expect(runLoop(fake.context)).rejects.toThrow('`provide` must be an object of names, e.g. provide={{ langs, original: poem }}');
  });
});
