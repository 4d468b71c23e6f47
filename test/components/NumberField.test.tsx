import { afterEach, describe, expect, it } from 'vitest';
import { cleanupForms, field, KEY, press, renderForm, waitForFrame, waitForSubmit } from './form-harness.js';

afterEach(cleanupForms);

const words = field({ name: 'wordCount', type: 'number', message: 'Words', min: 50, max: 500, default: 200 });

describe('NumberField', () => {
  it('shows the default and the allowed range, and submits a number', async () => {
    const run = await renderForm([words]);
    const frame = run.instance.lastFrame()!;
    expect(frame).toContain('200█');
    expect(frame).toContain('a number from 50 to 500');
    await press(run.instance, KEY.backspace, KEY.backspace, KEY.backspace, '120');
    await waitForFrame(run.instance, '120█');
    await press(run.instance, KEY.enter);
    await waitForSubmit(run);
    expect(run.submitted[0]).toEqual({ values: { wordCount: 120 }, remembered: { wordCount: 120 } });
  });

  it('shows the range message from the input rules when out of range, and clears it once fixed', async () => {
    const run = await renderForm([words]);
    await press(run.instance, KEY.ctrlU, '7');
    await waitForFrame(run.instance, '    7█');
    await press(run.instance, KEY.enter);
    await waitForFrame(run.instance, '✗ `wordCount` must be at least 50, got 7');
    expect(run.submitted).toEqual([]);
    await press(run.instance, '0');
    await waitForFrame(run.instance, (frame) => frame.includes('70█') && !frame.includes('✗'));
  });

  it('refuses text that is not a number', async () => {
    const run = await renderForm([words]);
    await press(run.instance, KEY.ctrlU, 'lots');
    await waitForFrame(run.instance, 'lots█');
    await press(run.instance, KEY.enter);
    await waitForFrame(run.instance, '✗ `wordCount` must be a number, got "lots"');
  });
});
