import { afterEach, describe, expect, it } from 'vitest';
import { cleanupForms, field, KEY, press, renderForm, waitForFrame, waitForSubmit } from './form-harness.js';

afterEach(cleanupForms);

const langs = field({ name: 'langs', type: 'array', message: 'Languages', min: 1, max: 3 });

describe('ArrayField', () => {
  it('takes one item per line: Enter starts a new item, Tab moves on', async () => {
    const run = await renderForm([langs]);
    await press(run.instance, 'French', KEY.enter, 'German');
    const frame = await waitForFrame(run.instance, 'German█');
    expect(frame).toContain('│ French');
    expect(frame).toContain('one item per line (2, 1 to 3)');
    await press(run.instance, KEY.tab);
    await waitForFrame(run.instance, '❯ [ Run ]');
    await press(run.instance, KEY.enter);
    await waitForSubmit(run);
    expect(run.submitted[0]).toEqual({ values: { langs: ['French', 'German'] }, remembered: { langs: ['French', 'German'] } });
  });

  it('shows a remembered list one item per line', async () => {
    const run = await renderForm([langs], { initial: { langs: ['Welsh', 'Breton'] } });
    expect(run.instance.lastFrame()).toMatch(/│ Welsh +│\n +│ Breton█ +│/);
  });

  it('refuses too many items with the input rules message', async () => {
    const run = await renderForm([langs], { initial: { langs: ['a', 'b', 'c', 'd'] } });
    await press(run.instance, KEY.tab, KEY.enter);
    await waitForFrame(run.instance, '✗ `langs` takes at most 3 item(s), got 4');
    expect(run.instance.lastFrame()).toContain('❯ Languages *');
  });

  it('an empty required list says how to fill it', async () => {
    const run = await renderForm([langs]);
    await press(run.instance, KEY.tab, KEY.enter);
    await waitForFrame(run.instance, '✗ `langs` is required: type at least one item, one per line');
  });
});
