// The one-line prompt of `f` (feedback) and `k` (API key): every key typed is kept, however
// fast, and Enter sends the trimmed text.
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { LinePrompt } from '../../components/LinePrompt.js';
import { KEYS, ticks, waitForFrame } from '../support/ink.js';

let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

/** Waits (a turn of the event loop at a time) until the prompt has sent something. */
async function sentOnce(sent: string[]): Promise<string[]> {
  for (let turn = 0; turn < 100 && sent.length === 0; turn++) await ticks(1);
  return sent;
}

async function prompt(options: { mask?: boolean } = {}) {
  const sent: string[] = [];
  const ui = render(<LinePrompt label="Feedback for haiku:" mask={options.mask} onSubmit={(text) => sent.push(text)} />);
  unmount = ui.unmount;
  await ticks();
  return { ui, sent };
}

describe('LinePrompt', () => {
  it('keeps keys typed faster than the screen redraws, and an Enter right behind them sends them all', async () => {
    const { ui, sent } = await prompt();
    for (const key of ['s', 'h', 'o', 'r', 't', 'e', 'r', KEYS.enter]) ui.stdin.write(key);
    expect(await sentOnce(sent)).toEqual(['shorter']);
  });

  it('sends what comes before an Enter inside one chunk (keys typed while the app was busy, a paste)', async () => {
    const { ui, sent } = await prompt();
    ui.stdin.write('  more rhyme \rignored');
    expect(await sentOnce(sent)).toEqual(['more rhyme']);
  });

  it('edits with Backspace and Ctrl+U, and shows the text with a cursor', async () => {
    const { ui, sent } = await prompt();
    ui.stdin.write('abc');
    ui.stdin.write(KEYS.backspace);
    expect(await waitForFrame(ui, (frame) => frame.includes('ab█'))).toBe('Feedback for haiku: ab█');
    ui.stdin.write(KEYS.ctrlU);
    ui.stdin.write('xyz');
    ui.stdin.write(KEYS.enter);
    expect(await sentOnce(sent)).toEqual(['xyz']);
  });

  it('does not send an empty or blank line, and ignores arrows, Tab and Esc', async () => {
    const { ui, sent } = await prompt();
    for (const key of [KEYS.enter, '   ', KEYS.enter, KEYS.up, KEYS.tab, KEYS.escape]) ui.stdin.write(key);
    await waitForFrame(ui, (frame) => frame === 'Feedback for haiku:    █');
    await ticks(8);
    expect(sent).toEqual([]);
  });

  it('edits at the cursor like a form field, even when the keys come in one chunk', async () => {
    const { ui, sent } = await prompt();
    ui.stdin.write(`rhyme${KEYS.home}more ${KEYS.end}${KEYS.ctrlW}verse`);
    expect(await waitForFrame(ui, (frame) => frame.includes('verse'))).toBe('Feedback for haiku: more verse█');
    ui.stdin.write(`${KEYS.altLeft}${KEYS.altLeft}${KEYS.delete}M${KEYS.enter}`);
    expect(await sentOnce(sent)).toEqual(['More verse']);
  });

  it('masks a secret', async () => {
    const { ui } = await prompt({ mask: true });
    ui.stdin.write('sk-123');
    expect(await waitForFrame(ui, (frame) => frame.includes('•'))).toBe('Feedback for haiku: ••••••█');
  });
});
