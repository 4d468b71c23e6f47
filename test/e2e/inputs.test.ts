// The input form in the real binary: typed, validated, submitted, remembered, reopened.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, startTerminal, type Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';
import { chooseFormalAndRun, GREET, runFirstGreeting } from './greet-workflow.js';
import { acceptInputs, focusedRow, workspace } from './workspace.js';

const FAKE_EDITOR = fileURLToPath(new URL('../support/fake-editor.mjs', import.meta.url));

let terminal: Terminal | undefined;
beforeAll(() => assertBuilt());
afterEach(() => terminal?.kill('SIGKILL'));

/** Types Ann, picks "formal", and submits from the last field. */
async function fillGreeting(t: Terminal): Promise<void> {
  await t.waitFor('[ Run ]');
  // an `n` typed into the form is text, not the "next" command
  t.write('Ann');
  await t.waitFor('Ann█');
  await chooseFormalAndRun(t);
  await t.waitFor('Phase 2');
}

describe('the input form', () => {
  it('asks for a missing input, runs with the typed values, and remembers them for next time', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'stepwise-e2e-remember-'));
    const file = workspace().write('greet.mdx', GREET);
    terminal = await startTerminal([file, '--model', 'echo'], { env: { STEPWISE_CONFIG_DIR: configDir } });
    await terminal.waitFor('Who should we greet? *');
    expect(terminal.screen()).toContain('(•) warm  ( ) formal');
    await fillGreeting(terminal);
    expect(terminal.screen()).toMatch(/○ Phase 1 +0\/1 action/);
    await runFirstGreeting(terminal, 'Say hello to Ann in a formal way, 1 time(s).');
    terminal.write('q');
    expect((await terminal.exit).exitCode).toBe(0);

    // reopened, the session continues with its inputs; a fresh session asks again, prefilled
    terminal = await startTerminal([file, '--model', 'echo', '--fresh'], { env: { STEPWISE_CONFIG_DIR: configDir } });
    await terminal.waitFor('[ Run ]');
    expect(terminal.screen()).toContain('Ann█');
    expect(terminal.screen()).toContain('( ) warm  (•) formal');
  });

  it('reopening continues the session with its inputs: no form, the results on screen', async () => {
    const file = workspace().write('greet.mdx', GREET);
    terminal = await startTerminal([file, '--model', 'echo']);
    await fillGreeting(terminal);
    await runFirstGreeting(terminal, 'Say hello to Ann in a formal way, 1 time(s).');
    terminal.write('q');
    expect((await terminal.exit).exitCode).toBe(0);
    terminal = await startTerminal([file, '--model', 'echo']);
    await terminal.waitFor('resumed from');
    await terminal.waitFor('Say hello to Ann in a formal way, 1 time(s).');
    expect(terminal.screen()).not.toContain('[ Run ]');
  });

  it('shows a validation message under the field and does not start until it is fixed', async () => {
    const file = workspace().write('greet.mdx', GREET);
    terminal = await startTerminal([file, '--model', 'echo']);
    await terminal.waitFor('[ Run ]');
    terminal.write('Bo');
    await terminal.waitFor('Bo█');
    terminal.write(KEYS.down);
    await terminal.waitFor((screen) => focusedRow(screen) === '❯ Mood');
    terminal.write(KEYS.down);
    await terminal.waitFor((screen) => focusedRow(screen) === '❯ Times');
    terminal.write(`${KEYS.backspace}7`);
    await terminal.waitFor('7█');
    terminal.write(KEYS.enter);
    await terminal.waitFor('✗ `times` must be at most 3, got 7');
    expect(terminal.screen()).toContain('[ Run ]');
    terminal.write(`${KEYS.backspace}2`);
    await terminal.waitFor((screen) => screen.includes('2█') && !screen.includes('✗'));
    terminal.write(KEYS.enter);
    await terminal.waitFor('Phase 2');
    await runFirstGreeting(terminal, 'Say hello to Bo in a warm way, 2 time(s).');
  });

  it('`i` reopens the form, and a changed input marks the results that used it stale', async () => {
    const file = workspace().write('greet.mdx', GREET);
    terminal = await startTerminal([file, '--model', 'echo', '--input', 'name=Bo']);
    await acceptInputs(terminal);
    await terminal.waitFor('Phase 2');
    await runFirstGreeting(terminal);
    terminal.write('i');
    await terminal.waitFor('[ Run ]');
    expect(terminal.screen()).toContain('Bo█');
    await chooseFormalAndRun(terminal);
    await terminal.waitFor('hello GenText (stale)');
    await runFirstGreeting(terminal, 'Say hello to Bo in a formal way, 1 time(s).');
  });

  it('Esc on the first form quits: there is nothing to run without the inputs', async () => {
    const file = workspace().write('greet.mdx', GREET);
    terminal = await startTerminal([file, '--model', 'echo']);
    await terminal.waitFor('[ Run ]');
    terminal.write(KEYS.escape);
    expect((await terminal.exit).exitCode).toBe(0);
  });

  it('after Ctrl+E, an editor that changes nothing hands back a screen that shows the form again, with no key pressed', async () => {
    const file = workspace().write('notes.mdx', `---\nmodel: echo\ninput:\n  notes:\n    multiline: true\n    default: Keep it short\n---\n\nSummarise: {notes}\n\n<GenText as="summary" />\n`);
    // --exit 0: the editor saves the text as it was and exits cleanly
    terminal = await startTerminal([file, '--model', 'echo'], { env: { EDITOR: `${process.execPath} ${FAKE_EDITOR} --exit 0`, VISUAL: '' } });
    const t = terminal;
    await t.waitFor('[ Run ]');
    expect(t.screen()).toContain('Keep it short█');
    const before = t.raw().length;
    t.write(KEYS.ctrlE);
    // the terminal was handed to the editor and taken back (alternate screen left, then entered and cleared)
    const handedBack = () => {
      const after = t.raw().slice(before);
      const left = after.indexOf('\x1b[?1049l');
      return left >= 0 && after.indexOf('\x1b[?1049h\x1b[2J', left) > left;
    };
    await t.waitFor((screen) => handedBack() && screen.includes('[ Run ]'));
    expect(t.screen()).toContain('Keep it short█');
    expect(t.screen()).toContain('Notes');
  });

  it('an input added to the file while the TUI is open opens the form at it; the run then uses its value', async () => {
    const file = workspace().write('greet.mdx', GREET);
    terminal = await startTerminal([file, '--model', 'echo', '--input', 'name=Bo', '--input', 'mood=warm', '--input', 'times=1']);
    const t = terminal;
    await t.waitFor('Phase 2');
    t.write('c');
    await t.waitFor('│ done │');
    const withStyle = GREET.replace('    default: 1\n', '    default: 1\n  style:\n    message: In which style?\n').replace('{times} time(s).', '{times} time(s), in the style of {style}.');
    writeFileSync(file, withStyle);
    await t.waitFor('[ Run ]');
    expect(t.screen()).toContain('new input `style`: enter its value, then Enter on Run');
    expect(focusedRow(t.screen())).toBe('❯ In which style? *');
    t.write('a pirate');
    await t.waitFor('a pirate█');
    t.write(KEYS.enter);
    await t.waitFor((screen) => !screen.includes('[ Run ]') && screen.includes('hello GenText (stale)'));
    // the step that reads it runs with the value (the later one still holds, so the run is done)
    t.write('n');
    await t.waitFor((screen) => screen.includes('Say hello to Bo in a warm way, 1 time(s), in the style of a pirate.') && screen.includes('│ done │'));
  });
});

const NOTES = `---
model: echo
input:
  title:
    default: Notes
  notes:
    type: text
    multiline: true
    message: Your notes
---

{title}: {notes}

<GenText as="summary" />
`;

describe('editing text in the form', () => {
  it('a text field edits like a shell line: the cursor moves by character, word and line, and Delete, Ctrl+W, Ctrl+K and Backspace cut there', async () => {
    const file = workspace().write('greet.mdx', GREET);
    // colours on, so the cursor's inverse shows in what the terminal receives
    terminal = await startTerminal([file, '--model', 'echo'], { env: { FORCE_COLOR: '' } });
    await terminal.waitFor('[ Run ]');
    terminal.write('hello wrld');
    await terminal.waitFor('hello wrld█');
    terminal.write(`${KEYS.left}${KEYS.left}${KEYS.left}o`);
    await terminal.waitFor((screen) => screen.includes('hello world') && !screen.includes('hello world█'));
    expect(terminal.raw()).toContain('hello wo\x1b[7mr\x1b[27mld');
    terminal.write(`${KEYS.altLeft}${KEYS.altLeft}${KEYS.delete}H`);
    await terminal.waitFor('Hello world');
    terminal.write(`${KEYS.end}${KEYS.ctrlW}there`);
    await terminal.waitFor('Hello there█');
    terminal.write(`${KEYS.ctrlA}${KEYS.altF}${KEYS.ctrlK}`);
    await terminal.waitFor('Hello█');
    terminal.write(`${KEYS.backspace}${KEYS.ctrlLeft}${KEYS.ctrlRight}p`);
    await terminal.waitFor('Hellp█');
    terminal.write(`${KEYS.enter}${KEYS.enter}${KEYS.enter}n`);
    await terminal.waitFor('Say hello to Hellp in a warm way, 1 time(s).');
  });

  it('in a multi-line box ↑/↓ move between its lines and leave it only from the first or last line', async () => {
    const file = workspace().write('notes.mdx', NOTES);
    terminal = await startTerminal([file, '--model', 'echo']);
    await terminal.waitFor('[ Run ]');
    terminal.write(KEYS.tab);
    await terminal.waitFor((screen) => focusedRow(screen) === '❯ Your notes *');
    terminal.write(`one${KEYS.enter}two${KEYS.enter}three${KEYS.up}${KEYS.home}X`);
    await terminal.waitFor('│ Xtwo');
    // ↓ from the middle line stays in the box; from the last line it moves on to [ Run ]
    terminal.write(`${KEYS.down}${KEYS.end}!`);
    await terminal.waitFor('│ three!');
    expect(focusedRow(terminal.screen())).toBe('❯ Your notes *');
    terminal.write(KEYS.down);
    await terminal.waitFor((screen) => focusedRow(screen) === '❯ [ Run ]');
    // ↑ back into the box, up its lines, and out to the field above; ↓ the same way down
    terminal.write(KEYS.up.repeat(4));
    await terminal.waitFor((screen) => focusedRow(screen) === '❯ Title');
    terminal.write(KEYS.down.repeat(4));
    await terminal.waitFor((screen) => focusedRow(screen) === '❯ [ Run ]');
    terminal.write(`${KEYS.enter}n`);
    await terminal.waitFor('│ done │');
    expect(terminal.screen()).toMatch(/✓ summary GenText +6\+6 tokens \d+\.\ds\n {6}Notes: one\n {6}Xtwo\n {6}three!\n/);
  });
});

describe('quitting from the input form', () => {
  it('keeps what was typed: Ctrl+C or Esc before the run, and the form opens with it next time', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'stepwise-e2e-draft-'));
    const file = workspace().write('greet.mdx', GREET);
    const env = { STEPWISE_CONFIG_DIR: configDir };
    terminal = await startTerminal([file, '--model', 'echo'], { env });
    await terminal.waitFor('[ Run ]');
    terminal.write('Ann Example, who typed a long answer');
    await terminal.waitFor('a long answer█');
    terminal.write(KEYS.ctrlC);
    expect((await terminal.exit).exitCode).toBe(0);

    terminal = await startTerminal([file, '--model', 'echo'], { env });
    await terminal.waitFor('[ Run ]');
    expect(terminal.screen()).toContain('Ann Example, who typed a long answer█');
    terminal.write(' and more');
    await terminal.waitFor('and more█');
    terminal.write(KEYS.escape);
    await terminal.exit;

    terminal = await startTerminal([file, '--model', 'echo'], { env });
    await terminal.waitFor('[ Run ]');
    expect(terminal.screen()).toContain('Ann Example, who typed a long answer and more█');
  });
});
