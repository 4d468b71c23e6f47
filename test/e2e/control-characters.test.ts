// Control characters in a prompt or an output (ESC sequences, a bare carriage return, a
// bell) are shown as symbols, never sent to the terminal: a bare \r used to move the cursor
// to the start of the row, so the rest of the text overwrote the indentation and the marks.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTerminal, type Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';
import { keysReady, workspace } from './workspace.js';

let terminal: Terminal | undefined;
beforeAll(() => assertBuilt());
afterEach(() => terminal?.kill('SIGKILL'));

const ESCAPES = `---
title: Escapes
data:
  evil: "red \\e[31mRED\\e[0m clear \\e[2J\\e[H bell \\a cr\\rX"
---

Say {evil} now.

<GenText as="x" />
`;

describe('control characters on the screen', () => {
  it('shows ESC, CR and BEL in a prompt and its echo as ␛ ␍ ␇, in place, without moving the cursor', async () => {
    const file = workspace().write('escapes.mdx', ESCAPES);
    const t = (terminal = await startTerminal([file, '--model', 'echo']));
    await t.waitFor('Phase 1');
    await keysReady(t);
    t.write('n');
    await t.waitFor((screen) => screen.includes('│ done │') && screen.includes('? help'));
    const rows = t.screen().split('\n');
    const shown = '      Say red ␛[31mRED␛[0m clear ␛[2J␛[H bell ␇ cr␍X now.';
    // the prompt, then echo's output: the same text
    expect(rows.filter((row) => row === shown)).toHaveLength(2);
    expect(rows[0]).toMatch(/^escapes\.mdx — Escapes │ ok │ done │/);
  });
});
