// The real binary in a real terminal: it opens full-screen, and every way out hands the
// terminal back (alternate screen left, cursor shown).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, startTerminal, type Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';
import { acceptInputs, keysReady, restoredTerminal, workspace } from './workspace.js';

let terminal: Terminal | undefined;
beforeAll(() => assertBuilt());
afterEach(() => terminal?.kill('SIGKILL'));

describe('stepwise FILE in a terminal', () => {
  it('shows the header, the phases and the key hints, and q quits with exit code 0 and the terminal restored', async () => {
    const file = workspace().copy('examples/poem.mdx');
    terminal = await startTerminal([file, '--model', 'echo']);
    // the form comes first, prefilled with the defaults: Enter accepts each field
    await terminal.waitFor('[ Run ]');
    expect(terminal.screen()).toContain('Inputs');
    await acceptInputs(terminal);
    await terminal.waitFor('Phase 2');
    const screen = terminal.screen();
    expect(screen.split('\n')[0]).toMatch(/^poem\.mdx — A poem and its translation │ ok │ ready │ echo │ 0 in \+ 0 out tokens │ 0:0\d/);
    expect(screen).toContain('Phase 1');
    expect(screen).toContain('poem GenText');
    expect(screen).toContain('n/Enter next');
    expect(screen).toContain('q quit');
    expect(terminal.raw()).toContain('\x1b[?1049h');
    terminal.write('q');
    expect(await terminal.exit).toEqual({ exitCode: 0 });
    expect(restoredTerminal(terminal.raw())).toBe(true);
  });

  it('the ? overlay lists every binding, and any key closes it', async () => {
    const file = workspace().copy('examples/poem.mdx');
    terminal = await startTerminal([file, '--model', 'echo'], { rows: 40 });
    await acceptInputs(terminal);
    await terminal.waitFor('Phase 2');
    terminal.write('?');
    await terminal.waitFor('rewind to the selected step');
    const help = terminal.screen();
    for (const text of ['run the next action', 'run to the end of the phase', 'continue to the end', 'pause after the current action', 'cancel the running generation', 're-run the selected action', '$EDITOR', 'feedback', 'show the whole request sent to the model', 'edit the inputs', 'quit']) {
      expect(help).toContain(text);
    }
    terminal.write(KEYS.escape);
    await terminal.waitFor((screen) => !screen.includes('rewind to the selected step') && screen.includes('Phase 2'));
  });

  it('Ctrl+C quits at once when nothing is running, and the terminal is restored', async () => {
    const file = workspace().copy('examples/poem.mdx');
    terminal = await startTerminal([file, '--model', 'echo']);
    await acceptInputs(terminal);
    await terminal.waitFor('Phase 2');
    await keysReady(terminal);
    terminal.write(KEYS.ctrlC);
    expect(await terminal.exit).toEqual({ exitCode: 0 });
    expect(restoredTerminal(terminal.raw())).toBe(true);
  });

  it('SIGTERM restores the terminal', async () => {
    const file = workspace().copy('examples/poem.mdx');
    terminal = await startTerminal([file, '--model', 'echo']);
    await acceptInputs(terminal);
    await terminal.waitFor('Phase 2');
    terminal.kill('SIGTERM');
    await terminal.exit;
    expect(restoredTerminal(terminal.raw())).toBe(true);
  });

  it('reflows to a resized terminal', async () => {
    const file = workspace().copy('examples/poem.mdx');
    terminal = await startTerminal([file, '--model', 'echo'], { cols: 100, rows: 20 });
    await acceptInputs(terminal);
    await terminal.waitFor('Phase 2');
    terminal.write('n');
    await terminal.waitFor('1/1 action');
    terminal.resize(50, 20);
    // every row fits the new width and the footer is still the last thing on screen
    await terminal.waitFor((screen) => screen.split('\n').every((row) => row.length <= 50) && /q quit|quit/.test(screen));
    const rows = terminal.screen().split('\n');
    expect(rows[0]).toMatch(/^poem\.mdx/);
    // no ghost of the wide layout: a row that long cannot be on screen any more
    expect(rows.some((row) => row.includes('n/Enter next  p phase  c continue  ↑/↓ select  →/← expand'))).toBe(false);
  });
});
