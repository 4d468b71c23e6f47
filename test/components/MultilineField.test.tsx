import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanupForms, field, KEY, press, renderForm, waitForFrame, waitForSubmit } from './form-harness.js';

const FAKE = fileURLToPath(new URL('../support/fake-editor.mjs', import.meta.url));

afterEach(async () => {
  await cleanupForms();
  vi.unstubAllEnvs();
});

const notes = field({ name: 'notes', message: 'Notes', multiline: true });

describe('MultilineField', () => {
  it('types into a box where Enter starts a new line; Tab then Enter on Run submits', async () => {
    const run = await renderForm([notes]);
    await press(run.instance, 'Dear Ann,', KEY.enter, 'thanks!');
    const frame = await waitForFrame(run.instance, 'thanks!█');
    expect(frame).toMatch(/│ Dear Ann, +│\n +│ thanks!█ +│/);
    expect(run.submitted).toEqual([]);
    await press(run.instance, KEY.tab, KEY.enter);
    await waitForSubmit(run);
    expect(run.submitted[0]!.values).toEqual({ notes: 'Dear Ann,\nthanks!' });
  });

  it('has a cursor: ↑ keeps the column, typing and Ctrl+U act on that line, ↓ from the last line moves on', async () => {
    const run = await renderForm([notes, field({ name: 'after', message: 'After', default: 'x' })]);
    await press(run.instance, 'first', KEY.enter, 'second', KEY.left, KEY.left, KEY.up, '!');
    await waitForFrame(run.instance, 'firs!t');
    await press(run.instance, KEY.down, KEY.ctrlU);
    let frame = await waitForFrame(run.instance, (f) => !f.includes('second'));
    expect(frame).toMatch(/│ firs!t +│\n +│ d +│/);
    expect(frame).toContain('❯ Notes *');
    await press(run.instance, KEY.down);
    frame = await waitForFrame(run.instance, (f) => f.includes('❯ After'));
    await press(run.instance, KEY.up, KEY.up, KEY.up);
    await waitForFrame(run.instance, (f) => f.includes('❯ Notes *'));
    await press(run.instance, KEY.tab, KEY.tab, KEY.enter);
    await waitForSubmit(run);
    expect(run.submitted[0]!.values).toEqual({ notes: 'firs!t\nd', after: 'x' });
  });

  it('Ctrl+E opens $EDITOR on the text and keeps what was saved', async () => {
    vi.stubEnv('VISUAL', '');
    vi.stubEnv('EDITOR', `${JSON.stringify(process.execPath)} ${JSON.stringify(FAKE)} --upper --append "\n"`);
    const run = await renderForm([{ ...notes, default: 'first line\nsecond line', required: false }]);
    await press(run.instance, KEY.ctrlE);
    // the editor's final newline is not counted as part of the text
    await waitForFrame(run.instance, 'SECOND LINE█');
    await press(run.instance, KEY.tab, KEY.enter);
    await waitForSubmit(run);
    expect(run.submitted[0]!.values).toEqual({ notes: 'FIRST LINE\nSECOND LINE' });
  });

  it('shows how to fix a broken $EDITOR and keeps the text', async () => {
    vi.stubEnv('VISUAL', '');
    vi.stubEnv('EDITOR', 'no-such-editor-here');
    const run = await renderForm([{ ...notes, default: 'keep me', required: false }]);
    await press(run.instance, KEY.ctrlE);
    const frame = await waitForFrame(run.instance, 'cannot start');
    expect(frame).toContain('✗ cannot start the editor `no-such-editor-here` (ENOENT): set $EDITOR, e.g. export EDITOR=nano');
    expect(frame).toContain('keep me█');
  });
});
