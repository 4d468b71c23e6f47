// Step keys (`1.0`, `1.0#2/0.1`): one module builds, parses and compares them, for the
// run's records, the outline, the failed-step selection, previews and output.md.
import { afterEach, describe, expect, it } from 'vitest';
import { bodyScope, enclosingBlock, isInBody, keyAndBlocks, localStepId, parseStepKey, stepKey, topPhase } from '../../src/runtime/step-key.js';
import { compileFixture, startRun } from '../support/start-run.js';
import type { Run } from '../../src/runtime/run.js';

let run: Run | undefined;
afterEach(() => run?.dispose());

describe('building keys', () => {
  it('names a top-level step by its id, and a body step by its block, iteration and local id', () => {
    expect(stepKey('', { id: '1.0' })).toBe('1.0');
    expect(localStepId({ id: '1.0/0.1' })).toBe('0.1');
    expect(bodyScope('1.0', 2)).toBe('1.0#2');
    expect(stepKey(bodyScope('1.0', 2), { id: '1.0/0.1' })).toBe('1.0#2/0.1');
    expect(stepKey(bodyScope(stepKey(bodyScope('0.0', 1), { id: '0.0/0.0' }), 2), { id: '0.0/0.0/0.0' })).toBe('0.0#1/0.0#2/0.0');
  });

  it('gives a nested Loop the keys the run records', async () => {
    const workflow = compileFixture('runtime/nested-loop.mdx');
    ({ run } = await startRun('runtime/nested-loop.mdx', { workflow }));
    run.continue();
    await run.idle();
    const outer = workflow.root.phases[0]!.steps[0]!;
    const inner = outer.action!.body!.phases[0]!.steps[0]!;
    const cell = inner.action!.body!.phases[0]!.steps[0]!;
    const expected = ['a', 'b'].flatMap((_, row) => {
      const innerKey = stepKey(bodyScope(stepKey('', outer), row), inner);
      return [0, 1, 2].map((col) => stepKey(bodyScope(innerKey, col), cell));
    });
    expect(expected).toEqual(['0.0#0/0.0#0/0.0', '0.0#0/0.0#1/0.0', '0.0#0/0.0#2/0.0', '0.0#1/0.0#0/0.0', '0.0#1/0.0#1/0.0', '0.0#1/0.0#2/0.0']);
    expect(run.state.status).toBe('done');
    expect(run.state.order.filter((key) => run!.state.steps[key]!.action === 'GenText')).toEqual(expected);
    expect(run.state.steps[expected[4]!]!.output).toBe('Cell b2 after 1');
  });
});

describe('parsing keys', () => {
  it('reads each scope: local id, phase, step and the iteration it goes into', () => {
    expect(parseStepKey('1.0')).toEqual([{ local: '1.0', phase: 1, step: 0, iteration: null }]);
    expect(parseStepKey('12.3#2/0.1')).toEqual([
      { local: '12.3', phase: 12, step: 3, iteration: 2 },
      { local: '0.1', phase: 0, step: 1, iteration: null },
    ]);
    expect(parseStepKey('1.0#2')).toEqual([{ local: '1.0', phase: 1, step: 0, iteration: 2 }]);
  });

  it('refuses what is not a key', () => {
    for (const key of ['', 'x', '1', '1.0/0.1', '1.0#/0.1', '1.0#2/', '-1.0', '1.0 ', 'p:1']) expect(parseStepKey(key), key).toBeNull();
  });

  it('finds the top-level phase', () => {
    expect(topPhase('1.0#2/0.1')).toBe(1);
    expect(topPhase('10.4')).toBe(10);
    expect(topPhase('0.0#0/3.1')).toBe(0);
    expect(topPhase('abc')).toBeNull();
    expect(topPhase(null)).toBeNull();
    expect(topPhase(undefined)).toBeNull();
  });
});

describe('comparing keys', () => {
  it('finds the block and iteration a key is directly inside', () => {
    expect(enclosingBlock('1.0#2/0.1')).toEqual({ block: '1.0', iteration: 2 });
    expect(enclosingBlock('0.0#1/0.0#2/0.0')).toEqual({ block: '0.0#1/0.0', iteration: 2 });
    expect(enclosingBlock('1.0')).toBeNull();
  });

  it('lists a key and the blocks around it, innermost first', () => {
    expect(keyAndBlocks('0.0#1/0.0#2/0.0')).toEqual(['0.0#1/0.0#2/0.0', '0.0#1/0.0', '0.0']);
    expect(keyAndBlocks('2.1')).toEqual(['2.1']);
  });

  it('tells whether a key lies in one iteration of a block, at any depth', () => {
    expect(isInBody('1.0#2/0.1', '1.0', 2)).toBe(true);
    expect(isInBody('1.0#2/0.1#0/0.0', '1.0', 2)).toBe(true);
    expect(isInBody('1.0#2/0.1', '1.0', 1)).toBe(false);
    expect(isInBody('1.0#20/0.1', '1.0', 2)).toBe(false);
    expect(isInBody('11.0#2/0.1', '1.0', 2)).toBe(false);
    expect(isInBody('1.0', '1.0', 0)).toBe(false);
  });
});
