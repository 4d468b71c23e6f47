import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { compile } from '../../src/compiler/index.js';
import { cleanupForms, field, KEY, press, renderForm, waitForFrame, waitForSubmit } from './form-harness.js';

afterEach(cleanupForms);

const topic = field({ name: 'topic', message: 'Topic' });
const lang = field({ name: 'lang', message: 'Language', default: 'French' });
const count = field({ name: 'count', type: 'number', message: 'Count', min: 1, max: 5, default: 3 });

/** The line of the focused field (the one marked with ❯). */
const focused = (frame: string) => frame.split('\n').find((line) => line.startsWith('❯ '));

describe('InputForm', () => {
  it('lists every field, the Run row and the key hints, focused on the first field', async () => {
    const run = await renderForm([topic, lang, count]);
    expect(run.instance.lastFrame()).toBe(
      [
        'Inputs',
        '❯ Topic *',
        '    █',
        '    type a value',
        '  Language',
        '    French',
        '  Count',
        '    3',
        '  [ Run ]',
        'Tab/↓ next · Shift+Tab/↑ previous · Enter on the last field or on Run: start · Esc cancel',
        'Text: ←/→ Home/End Alt+←/→ move · Delete · Ctrl+W word · Ctrl+U/K to line start/end',
      ].join('\n'),
    );
  });

  it('Tab/↓ move down, Shift+Tab/↑ move up, and Enter on a field that is not the last moves on', async () => {
    const run = await renderForm([topic, lang, count]);
    await press(run.instance, KEY.tab);
    await waitForFrame(run.instance, (frame) => focused(frame) === '❯ Language');
    await press(run.instance, KEY.down);
    await waitForFrame(run.instance, (frame) => focused(frame) === '❯ Count');
    await press(run.instance, KEY.down);
    await waitForFrame(run.instance, (frame) => focused(frame) === '❯ [ Run ]');
    await press(run.instance, KEY.up);
    await waitForFrame(run.instance, (frame) => focused(frame) === '❯ Count');
    await press(run.instance, KEY.shiftTab, KEY.shiftTab);
    await waitForFrame(run.instance, (frame) => focused(frame) === '❯ Topic *');
    await press(run.instance, 'rain', KEY.enter);
    await waitForFrame(run.instance, (frame) => focused(frame) === '❯ Language');
    expect(run.submitted).toEqual([]);
  });

  it('Enter on the last field submits the typed values', async () => {
    const run = await renderForm([topic, lang, count]);
    await press(run.instance, 'rain', KEY.tab, KEY.tab);
    await waitForFrame(run.instance, (frame) => focused(frame) === '❯ Count');
    await press(run.instance, KEY.enter);
    await waitForSubmit(run);
    expect(run.submitted).toEqual([{ values: { topic: 'rain', lang: 'French', count: 3 }, remembered: { topic: 'rain', lang: 'French', count: 3 } }]);
  });

  it('keys that arrive in one chunk (typed while the app was busy) act one by one: text, Enter to move on, Enter to submit', async () => {
    const run = await renderForm([topic, lang]);
    run.instance.stdin.write('rain\r\r');
    await waitForSubmit(run);
    expect(run.submitted).toEqual([{ values: { topic: 'rain', lang: 'French' }, remembered: { topic: 'rain', lang: 'French' } }]);
  });

  it('a paste is text: its line breaks become spaces in a one-line field and a box keeps them; neither moves on nor submits', async () => {
    const notes = field({ name: 'notes', message: 'Notes', multiline: true });
    const run = await renderForm([topic, notes]);
    await press(run.instance, `${KEY.pasteStart}rain\rand snow${KEY.pasteEnd}`);
    await waitForFrame(run.instance, (frame) => focused(frame) === '❯ Topic *' && frame.includes('rain and snow█'));
    await press(run.instance, KEY.tab, `${KEY.pasteStart}Dear Ann,\rthanks!${KEY.pasteEnd}`);
    const frame = await waitForFrame(run.instance, 'thanks!█');
    expect(frame).toMatch(/│ Dear Ann, +│\n +│ thanks!█ +│/);
    expect(focused(frame)).toBe('❯ Notes *');
    expect(run.submitted).toEqual([]);
    await press(run.instance, KEY.tab, KEY.enter);
    await waitForSubmit(run);
    expect(run.submitted[0]!.values).toEqual({ topic: 'rain and snow', notes: 'Dear Ann,\nthanks!' });
  });

  it('a chunk with Backspace and Tab in it edits, then moves on', async () => {
    const run = await renderForm([topic, lang]);
    run.instance.stdin.write('snowx\x7f\tSpanish\x15German');
    await waitForFrame(run.instance, (frame) => frame.includes('German█'));
    await press(run.instance, KEY.enter);
    await waitForSubmit(run);
    expect(run.submitted[0]!.values).toEqual({ topic: 'snow', lang: 'German' });
  });

  it('submitting with errors shows each under its field and focuses the first bad one', async () => {
    const run = await renderForm([lang, topic, count], { initial: { count: 9 } });
    await press(run.instance, KEY.down, KEY.down, KEY.down, KEY.enter);
    const frame = await waitForFrame(run.instance, 'inputs need fixing');
    expect(frame).toContain('2 inputs need fixing before the run');
    expect(frame).toContain('❯ Topic *\n    █\n    ✗ `topic` is required: type a value');
    expect(frame).toContain('    9\n    ✗ `count` must be at most 5, got 9');
    expect(focused(frame)).toBe('❯ Topic *');
    expect(run.submitted).toEqual([]);
  });

  it('checks a field when the user leaves it', async () => {
    const run = await renderForm([count, lang]);
    await press(run.instance, KEY.backspace, '0', KEY.tab);
    await waitForFrame(run.instance, '✗ `count` must be at least 1, got 0');
  });

  it('Esc cancels', async () => {
    const run = await renderForm([topic]);
    await press(run.instance, KEY.escape);
    await waitForFrame(run.instance, () => run.cancelled() === 1);
    expect(run.submitted).toEqual([]);
  });

  it('a workflow with no inputs shows only the Run row, and Enter starts', async () => {
    const run = await renderForm([]);
    expect(focused(run.instance.lastFrame()!)).toBe('❯ [ Run ]');
    await press(run.instance, KEY.enter);
    await waitForSubmit(run);
    expect(run.submitted).toEqual([{ values: {}, remembered: {} }]);
  });

  it('fills every input type of the fixture workflow, as compiled, and submits typed values', async () => {
    const file = join(process.cwd(), 'fixtures/frontmatter/every-input-type.mdx');
    const { workflow } = compile(readFileSync(file, 'utf8'), file);
    const dir = mkdtempSync(join(tmpdir(), 'stepwise-form-'));
    writeFileSync(join(dir, 'brief.txt'), 'the brief');
    writeFileSync(join(dir, 'cat.gif'), 'GIF89a');
    const run = await renderForm(workflow!.inputs, { baseDir: dir, initial: { langs: ['fr'], attachment: 'brief.txt', picture: 'cat.gif' } });
    await press(run.instance, 'owls');
    await waitForFrame(run.instance, 'owls█');
    // notes: a multi-line box
    await press(run.instance, KEY.tab, KEY.tab, 'line 1', KEY.enter, 'line 2');
    await waitForFrame(run.instance, 'line 2█');
    // tone: ← from "casual" to "formal"; wordCount stays; rhyme: toggle
    await press(run.instance, KEY.tab, KEY.left, KEY.tab, KEY.tab, ' ');
    await waitForFrame(run.instance, '(•) yes');
    await press(run.instance, KEY.down, KEY.down, KEY.down, KEY.enter);
    await waitForSubmit(run);
    expect(run.submitted[0]!.values).toEqual({
      topic: 'owls',
      targetAudience: 'children',
      notes: 'line 1\nline 2',
      tone_of_voice: 'formal',
      wordCount: 200,
      rhyme: true,
      langs: ['fr'],
      attachment: 'the brief',
      picture: { kind: 'image', path: join(dir, 'cat.gif'), mediaType: 'image/gif', data: Buffer.from('GIF89a').toString('base64') },
    });
    expect(run.submitted[0]!.remembered).toEqual({
      topic: 'owls',
      targetAudience: 'children',
      notes: 'line 1\nline 2',
      tone_of_voice: 'formal',
      wordCount: 200,
      rhyme: true,
      langs: ['fr'],
      attachment: 'brief.txt',
      picture: 'cat.gif',
    });
  });
});
