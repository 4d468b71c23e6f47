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

  it('a text longer than the screen shows the lines around the cursor, so the line being typed is on screen', async () => {
    const pasted = Array.from({ length: 40 }, (_, i) => `email line ${i + 1}`).join('\n');
    // the rows an 80x24 terminal leaves the form
    const run = await renderForm([notes], { initial: { notes: pasted }, height: 18, width: 80 });
    await press(run.instance, KEY.end, 'ABC');
    const frame = await waitForFrame(run.instance, 'email line 40ABC█');
    expect(frame).toContain('│ ↑ 36 more lines');
    expect(frame).not.toContain('email line 36');
    expect(frame).toMatch(/│ email line 37 +│\n.*│ email line 38 +│\n.*│ email line 39 +│\n.*│ email line 40ABC█ +│/);
    await press(run.instance, KEY.up.repeat(20));
    const up = await waitForFrame(run.instance, '│ ↓ ');
    expect(up).toMatch(/│ ↑ \d+ more lines/);
    expect(up).toMatch(/│ ↓ \d+ more lines/);
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
