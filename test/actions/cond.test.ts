import { describe, expect, it } from 'vitest';
import { runCond } from '../../src/actions/cond.js';
import { isBlockAction } from '../../src/compiler/action-specs.js';
import { fakeBlock } from './block-context.js';

describe('Cond', () => {
  it('runs its body once, with its provided names and the outer helpers, when `if` holds', async () => {
    const fake = fakeBlock('Cond', { if: () => true, provide: () => ({ poem: 'p' }) }, () => ({ verdict: 'ok' }));
    expect(await runCond(fake.context)).toEqual({ verdict: 'ok' });
    expect(fake.bodies).toEqual([{ provided: { poem: 'p' }, helpers: { $outer: 'o' }, index: 0 }]);
  });

  it('is null, and its body never runs, when `if` is false', async () => {
    const fake = fakeBlock('Cond', { if: () => false });
    expect(await runCond(fake.context)).toBe(null);
    expect(fake.bodies).toEqual([]);
  });
});

describe('isBlockAction', () => {
  it('is true for the actions with a body of their own, and only for them', () => {
    expect(['Loop', 'Cond', 'GenText', 'GenObject', 'Search', 'toString', undefined].map(isBlockAction)).toEqual([true, true, false, false, false, false, false]);
  });
});
