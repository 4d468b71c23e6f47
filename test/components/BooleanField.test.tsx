import { afterEach, describe, expect, it } from 'vitest';
import { cleanupForms, field, KEY, press, renderForm, waitForFrame, waitForSubmit } from './form-harness.js';

afterEach(cleanupForms);

const rhyme = field({ name: 'rhyme', type: 'boolean', message: 'Rhyme?', default: false });

describe('BooleanField', () => {
  it('starts on the default and toggles with Space, ← and →', async () => {
    const run = await renderForm([rhyme]);
    expect(run.instance.lastFrame()).toContain('( ) yes  (•) no');
    await press(run.instance, ' ');
    await waitForFrame(run.instance, '(•) yes  ( ) no');
    await press(run.instance, KEY.left);
    await waitForFrame(run.instance, '( ) yes  (•) no');
    await press(run.instance, KEY.right);
    await waitForFrame(run.instance, '(•) yes  ( ) no');
    await press(run.instance, KEY.enter);
    await waitForSubmit(run);
    expect(run.submitted[0]).toEqual({ values: { rhyme: true }, remembered: { rhyme: true } });
  });

  it('y and n choose', async () => {
    const run = await renderForm([rhyme]);
    await press(run.instance, 'y');
    await waitForFrame(run.instance, '(•) yes');
    await press(run.instance, 'y');
    await press(run.instance, 'n');
    await waitForFrame(run.instance, '(•) no');
  });

  it('prefills a remembered true', async () => {
    const run = await renderForm([rhyme], { initial: { rhyme: true } });
    expect(run.instance.lastFrame()).toContain('(•) yes  ( ) no');
  });
});
