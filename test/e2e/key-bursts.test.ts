// Keys that reach the real binary in one write (auto-repeat, a slow SSH link, typing while
// it is busy) all count, each where the key before it left things.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, startTerminal, type Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';
import { GREET } from './greet-workflow.js';
import { focusedRow, workspace } from './workspace.js';

let terminal: Terminal | undefined;
beforeAll(() => assertBuilt());
afterEach(() => terminal?.kill('SIGKILL'));

const FIVE_STEPS = `---
model: echo
---

${[1, 2, 3, 4, 5].map((n) => `Step ${n}.\n\n<GenText as="s${n}" />`).join('\n\n')}
`;

/** The selected row of the run screen (marked with ›). */
function selectedRow(screen: string): string | undefined {
  return screen.split('\n').find((row) => row.startsWith('›'));
}

describe('keys in one burst', () => {
  it('four ↓ in one write move the selection four rows, and three ↑ three back', async () => {
    const file = workspace().write('five.mdx', FIVE_STEPS);
    terminal = await startTerminal([file, '--model', 'echo']);
    await terminal.waitFor('│ ready │');
    // `?` lists the commands and, under them, the keys that edit text (PgDn to its end on 30 rows)
    terminal.write('?');
    await terminal.waitFor('Keys (↑/↓ PgUp/PgDn scroll; any other key closes)');
    terminal.write(KEYS.pageDown);
    await terminal.waitFor('(end of the help)');
    expect(terminal.screen()).toContain('Editing text (form fields, f and k prompts)');
    expect(terminal.screen()).toContain('Backspace/Delete delete a char · Ctrl+W a word back · Alt+D a word on · Ctrl+U/K to line start/end');
    expect(terminal.screen()).toContain('↑/↓ lines of a multi-line box (leave it from the first/last) · Ctrl+E there: $EDITOR');
    terminal.write(KEYS.escape);
    await terminal.waitFor((screen) => !screen.includes('Editing text'));
    terminal.write(KEYS.right);
    await terminal.waitFor('s5 GenText');
    expect(selectedRow(terminal.screen())).toMatch(/^› ▾ ○ Phase 1/);
    terminal.write(KEYS.down.repeat(4));
    await terminal.waitFor((screen) => /s4 GenText/.test(selectedRow(screen) ?? ''));
    terminal.write(KEYS.up.repeat(3));
    await terminal.waitFor((screen) => /s1 GenText/.test(selectedRow(screen) ?? ''));
  });

  it('Tab Tab in one write moves two fields, and Enter Enter after them submits once and runs one action', async () => {
    const file = workspace().write('greet.mdx', GREET);
    terminal = await startTerminal([file, '--model', 'echo', '--input', 'name=Bo']);
    await terminal.waitFor('[ Run ]');
    expect(focusedRow(terminal.screen())).toBe('❯ Who should we greet? *');
    terminal.write(`${KEYS.tab}${KEYS.tab}`);
    await terminal.waitFor((screen) => focusedRow(screen) === '❯ Times');
    // the first Enter submits from the last field; only the second reaches the run screen
    terminal.write(`${KEYS.enter}${KEYS.enter}`);
    await terminal.waitFor((screen) => screen.includes('Say hello to Bo in a warm way, 1 time(s).') && screen.includes('│ paused │'));
    expect(terminal.screen()).toMatch(/✓ Phase 1 +1\/1 action/);
    expect(terminal.screen()).toMatch(/○ Phase 2 +0\/1 action/);
  });

  it('typed text with ←/→ between, in one write, lands each character where the cursor was', async () => {
    const file = workspace().write('greet.mdx', GREET);
    terminal = await startTerminal([file, '--model', 'echo']);
    await terminal.waitFor('[ Run ]');
    terminal.write(`an${KEYS.left}${KEYS.left}J${KEYS.right}${KEYS.right}e${KEYS.home}Dr ${KEYS.end}t`);
    await terminal.waitFor('Dr Janet█');
    terminal.write(`${KEYS.enter}${KEYS.enter}${KEYS.enter}n`);
    await terminal.waitFor('Say hello to Dr Janet in a warm way, 1 time(s).');
  });
});
