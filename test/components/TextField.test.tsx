import chalk from 'chalk';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupForms, field, KEY, press, renderForm, waitForFrame, waitForSubmit } from './form-harness.js';

afterEach(cleanupForms);

describe('TextField', () => {
  it('shows the prompt with a required mark, takes typed text and submits it with Enter', async () => {
    const run = await renderForm([field({ name: 'topic', message: 'What about?' })]);
    expect(run.instance.lastFrame()).toContain('❯ What about? *');
    await press(run.instance, 'snow', ' at night');
    await waitForFrame(run.instance, 'snow at night█');
    await press(run.instance, KEY.enter);
    await waitForSubmit(run);
    expect(run.submitted).toEqual([{ values: { topic: 'snow at night' }, remembered: { topic: 'snow at night' } }]);
  });

  it('prefills the default, and Backspace and Ctrl+U edit it', async () => {
    const run = await renderForm([field({ name: 'lang', default: 'French' })]);
    await waitForFrame(run.instance, 'French█');
    await press(run.instance, KEY.backspace, KEY.backspace);
    await waitForFrame(run.instance, 'Fren█');
    await press(run.instance, KEY.ctrlU, 'German');
    await waitForFrame(run.instance, '    German█');
  });

  it('prefers the remembered value over the default', async () => {
    const run = await renderForm([field({ name: 'lang', default: 'French' })], { initial: { lang: 'Welsh' } });
    expect(run.instance.lastFrame()).toContain('Welsh█');
  });

  it('refuses an empty required text, in red under the field, and keeps the focus there', async () => {
    const run = await renderForm([field({ name: 'topic' })]);
    await press(run.instance, KEY.enter);
    const frame = await waitForFrame(run.instance, '✗');
    expect(frame).toContain('✗ `topic` is required: type a value');
    expect(frame).toContain('1 input needs fixing before the run');
    expect(run.submitted).toEqual([]);
    await press(run.instance, 'x');
    await waitForFrame(run.instance, (f) => f.includes('x█') && !f.includes('✗'));
  });

  it('uses the default when an optional text is cleared', async () => {
    const run = await renderForm([field({ name: 'lang', default: 'French' })]);
    await press(run.instance, KEY.ctrlU);
    await waitForFrame(run.instance, (f) => !f.includes('French'));
    await press(run.instance, KEY.enter);
    await waitForSubmit(run);
    expect(run.submitted[0]).toEqual({ values: { lang: 'French' }, remembered: {} });
  });

  it('keys that arrive in one chunk are applied in order: Backspace deletes, control characters never show', async () => {
    const run = await renderForm([field({ name: 'topic' })]);
    await press(run.instance, 'ab\x7fc\x07d');
    await waitForFrame(run.instance, '    acd█');
  });

  it('shows the cursor as the character under it in inverse, or a block after the last one; typing inserts there', async () => {
    const level = chalk.level;
    chalk.level = 2;
    try {
      const run = await renderForm([field({ name: 'lang', default: 'Frnch' })]);
      await waitForFrame(run.instance, 'Frnch█');
      await press(run.instance, KEY.left, KEY.left, KEY.left);
      await waitForFrame(run.instance, 'Fr\x1b[7mn\x1b[27mch');
      await press(run.instance, 'e', KEY.end);
      await waitForFrame(run.instance, 'French█');
    } finally {
      chalk.level = level;
    }
  });
});
