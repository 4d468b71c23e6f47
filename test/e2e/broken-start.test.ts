// Opening a file that does not compile: the TUI shows the problems and waits for a save that
// compiles, then starts as usual. Headless runs, --no-watch and `check` still stop with exit 2.
import { writeFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTerminal, type Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';
import { GREET, runFirstGreeting } from './greet-workflow.js';
import { acceptInputs, restoredTerminal, workspace } from './workspace.js';

let terminal: Terminal | undefined;
beforeAll(() => assertBuilt());
afterEach(() => terminal?.kill('SIGKILL'));

const BROKEN = GREET.replace('<GenText as="bye" />', '<GenTxt as="bye" />');
const WAITING = 'greet.mdx │ 1 error │ waiting for a save that compiles';

describe('opening a file that does not compile', () => {
  it('shows the problems, follows each save, and opens the workflow on the first save that compiles', async () => {
    const file = workspace().write('greet.mdx', BROKEN);
    terminal = await startTerminal([file, '--model', 'echo', '--input', 'name=Bo']);
    const t = terminal;
    await t.waitFor(WAITING);
    let screen = t.screen();
    expect(screen).toContain('✗ 1 error in the file: fix and save, and the workflow opens once it compiles');
    expect(screen).toContain('line 26, column 1: unknown action `<GenTxt>`; did you mean `<GenText>`?');
    expect(screen).toContain('26 | <GenTxt as="bye" />');

    // still broken, differently: the screen follows
    writeFileSync(file, GREET.replace('{name}.', '{nme}.'));
    await t.waitFor('unknown name `nme`');
    screen = t.screen();
    expect(screen.split('\n')[0]).toBe(WAITING);
    expect(screen).not.toContain('GenTxt');

    // fixed: a normal start, with the form for the inputs not given
    writeFileSync(file, GREET);
    await t.waitFor((s) => s.includes('[ Run ]') && /^greet\.mdx — Greeting │ ok │ ready │/.test(s));
    expect(t.screen()).not.toContain('waiting for a save');
    await acceptInputs(t);
    await t.waitFor('Phase 2');
    await runFirstGreeting(t);
  });

  it('q quits with exit 2, hands the terminal back and prints the problems there', async () => {
    const file = workspace().write('greet.mdx', BROKEN);
    terminal = await startTerminal([file, '--model', 'echo']);
    await terminal.waitFor(WAITING);
    terminal.write('q');
    expect((await terminal.exit).exitCode).toBe(2);
    expect(restoredTerminal(terminal.raw())).toBe(true);
    expect(terminal.screen()).toContain('unknown action `<GenTxt>`; did you mean `<GenText>`?');
    expect(terminal.screen()).toContain('1 error: fix the workflow and run again');
  });

  it.each([
    ['run --headless', ['run', '--headless']],
    ['--no-watch (nothing would notice the fix)', ['--no-watch']],
    ['check', ['check']],
  ])('%s on a terminal still exits 2 with the problems', async (_name, args) => {
    const file = workspace().write('greet.mdx', BROKEN);
    terminal = await startTerminal([...args, file]);
    expect((await terminal.exit).exitCode).toBe(2);
    expect(terminal.screen()).toContain('unknown action `<GenTxt>`; did you mean `<GenText>`?');
    expect(terminal.raw()).not.toContain('\x1b[?1049h');
  });
});
