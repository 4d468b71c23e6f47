// A paste is text: the terminal marks it (bracketed paste, on while the app has the screen),
// so a pasted instruction's line breaks do not send it; Enter does.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, startTerminal, type Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';
import { GREET, runFirstGreeting } from './greet-workflow.js';
import { restoredTerminal, workspace } from './workspace.js';

let terminal: Terminal | undefined;
beforeAll(() => assertBuilt());
afterEach(() => terminal?.kill('SIGKILL'));

/** What a terminal sends for a paste while bracketed paste is on (line breaks as carriage returns). */
function paste(text: string): string {
  return `${KEYS.pasteStart}${text.replace(/\n/g, '\r')}${KEYS.pasteEnd}`;
}

describe('bracketed paste', () => {
  it('a two-line instruction pasted into `f` waits for Enter, then regenerates with both lines', async () => {
    const file = workspace().write('greet.mdx', GREET);
    terminal = await startTerminal([file, '--model', 'echo', '--input', 'name=Bo', '--input', 'mood=warm', '--input', 'times=1']);
    await terminal.waitFor('Phase 2');
    expect(terminal.raw()).toContain('\x1b[?2004h');
    await runFirstGreeting(terminal);
    terminal.write('f');
    await terminal.waitFor('Feedback for hello:');
    terminal.write(paste('shorter please\nand make it rhyme'));
    await terminal.waitFor('Feedback for hello: shorter please and make it rhyme');
    // a key after the paste is typed after it: had the line break sent the prompt, `!` would not be in it
    terminal.write('!');
    await terminal.waitFor('Feedback for hello: shorter please and make it rhyme!');
    expect(terminal.screen()).toContain('Say hello to Bo in a warm way, 1 time(s).');
    terminal.write(KEYS.enter);
    await terminal.waitFor((screen) => !screen.includes('Feedback for') && screen.includes('shorter please and make it rhyme!') && screen.includes('│ paused │'));
    terminal.write('q');
    expect(await terminal.exit).toEqual({ exitCode: 0 });
    expect(restoredTerminal(terminal.raw())).toBe(true);
  });

  it('a paste on the run screen runs no commands', async () => {
    const file = workspace().write('greet.mdx', GREET);
    terminal = await startTerminal([file, '--model', 'echo', '--input', 'name=Bo', '--input', 'mood=warm', '--input', 'times=1']);
    await terminal.waitFor('Phase 2');
    // n, c and q typed would run and quit; pasted they are only text nobody takes
    terminal.write(paste('n\nc\nq\n'));
    terminal.write('?');
    await terminal.waitFor('Keys (↑/↓ PgUp/PgDn scroll; any other key closes)');
    expect(terminal.screen().split('\n')[0]).toMatch(/│ ready │/);
    terminal.write(KEYS.escape);
    await terminal.waitFor((screen) => !screen.includes('Keys (↑/↓'));
    expect(terminal.screen()).toMatch(/○ Phase 1 +0\/1 action/);
  });
});
