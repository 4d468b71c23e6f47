import { afterEach, describe, expect, it } from 'vitest';
import { cleanupForms, field, KEY, press, renderForm, waitForFrame, waitForSubmit } from './form-harness.js';

afterEach(cleanupForms);

const tone = field({
  name: 'tone',
  type: 'select',
  message: 'Tone',
  options: [
    { name: 'formal', value: 'formal' },
    { name: 'Casual and warm', value: 'casual' },
    { name: 'brief', value: 'brief' },
  ],
  default: 'casual',
});

describe('SelectField', () => {
  it('shows every option with the default chosen', async () => {
    const run = await renderForm([tone]);
    expect(run.instance.lastFrame()).toContain('( ) formal  (•) Casual and warm  ( ) brief');
  });

  it('→ and ← move the choice, wrapping around, and the option value is submitted', async () => {
    const run = await renderForm([tone]);
    await press(run.instance, KEY.right);
    await waitForFrame(run.instance, '(•) brief');
    await press(run.instance, KEY.right);
    await waitForFrame(run.instance, '(•) formal');
    await press(run.instance, KEY.left);
    await waitForFrame(run.instance, '(•) brief');
    await press(run.instance, KEY.left);
    await waitForFrame(run.instance, '(•) Casual and warm');
    await press(run.instance, KEY.left);
    await waitForFrame(run.instance, '(•) formal');
    await press(run.instance, KEY.enter);
    await waitForSubmit(run);
    expect(run.submitted[0]).toEqual({ values: { tone: 'formal' }, remembered: { tone: 'formal' } });
  });

  it('falls back to the default when the remembered option is no longer offered', async () => {
    const run = await renderForm([tone], { initial: { tone: 'sarcastic' } });
    expect(run.instance.lastFrame()).toContain('(•) Casual and warm');
  });

  it('chooses the first option when there is no default', async () => {
    const run = await renderForm([{ ...tone, default: undefined, required: true }].map(({ default: _d, ...rest }) => rest));
    expect(run.instance.lastFrame()).toContain('(•) formal');
  });
});
