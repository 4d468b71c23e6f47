// Stepping through a workflow with the offline echo model, and reviewing a result.
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, startTerminal, type Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';
import { GREET, runFirstGreeting } from './greet-workflow.js';
import { keysReady, restoredTerminal, workspace } from './workspace.js';

const FAKE_EDITOR = fileURLToPath(new URL('../support/fake-editor.mjs', import.meta.url));

let terminal: Terminal | undefined;
beforeAll(() => assertBuilt());
afterEach(() => terminal?.kill('SIGKILL'));

async function start(extra: string[] = [], env: Record<string, string> = {}): Promise<Terminal> {
  const file = workspace().write('greet.mdx', GREET);
  const t = await startTerminal([file, '--model', 'echo', '--input', 'name=Bo', '--input', 'mood=warm', '--input', 'times=1', ...extra], { env });
  await t.waitFor('Phase 2');
  return t;
}

describe('stepping', () => {
  it('n runs one action and stops; c runs to the end', async () => {
    terminal = await start();
    await runFirstGreeting(terminal);
    let screen = terminal.screen();
    expect(screen).toMatch(/✓ Phase 1 +1\/1 action/);
    expect(screen).toMatch(/○ Phase 2 +0\/1 action/);
    expect(screen.split('\n')[0]).toMatch(/│ paused │ echo │ 11 in \+ 11 out tokens │/);
    terminal.write('c');
    await terminal.waitFor('│ done │');
    screen = terminal.screen();
    expect(screen).toMatch(/✓ Phase 2 +1\/1 action/);
    expect(screen).toContain('Now say goodbye to Bo.');
    terminal.write('q');
    expect(await terminal.exit).toEqual({ exitCode: 0 });
    expect(restoredTerminal(terminal.raw())).toBe(true);
  });

  it('Enter runs the next action like n', async () => {
    terminal = await start();
    await keysReady(terminal);
    terminal.write(KEYS.enter);
    await terminal.waitFor(/✓ Phase 1 +1\/1 action/);
    expect(terminal.screen()).toMatch(/○ Phase 2 +0\/1 action/);
  });

  it('e opens the selected output in $EDITOR and keeps the edit, marked as the author\'s', async () => {
    terminal = await start([], { EDITOR: `${process.execPath} ${FAKE_EDITOR} --upper`, VISUAL: '' });
    await runFirstGreeting(terminal);
    // the step that just ran is the selected one
    await terminal.waitFor(/^›\s+✓ hello/m);
    terminal.write('e');
    await terminal.waitFor('SAY HELLO TO BO IN A WARM WAY, 1 TIME(S).');
    expect(terminal.screen()).toContain('hello GenText (edited)');
    // the UI handed the terminal over and took it back
    expect(terminal.raw().match(/\x1b\[\?1049h/g)!.length).toBeGreaterThanOrEqual(2);
  });

  it('m shows the exact messages the model received, and Esc goes back', async () => {
    terminal = await start();
    await runFirstGreeting(terminal);
    // the step that just ran is the selected one
    await terminal.waitFor(/^›\s+✓ hello/m);
    terminal.write('m');
    await terminal.waitFor('[user]');
    expect(terminal.screen()).toContain('[user]\nSay hello to Bo in a warm way, 1 time(s).');
    terminal.write(KEYS.escape);
    await terminal.waitFor((screen) => !screen.includes('[user]') && screen.includes('Phase 2'));
  });

  it('Ctrl+C cancels a running generation first and quits on the second press, restoring the terminal', async () => {
    // a slow echo, so there is a generation to cancel
    terminal = await start([], { STEPWISE_ECHO_DELAY_MS: '1000' });
    terminal.write('n');
    await terminal.waitFor('│ running │');
    terminal.write(KEYS.ctrlC);
    await terminal.waitFor((screen) => screen.includes('Ctrl+C again') && !screen.includes('│ running │'));
    terminal.write(KEYS.ctrlC);
    const exit = await terminal.exit;
    expect(exit.signal).toBeUndefined();
    expect(restoredTerminal(terminal.raw())).toBe(true);
  });
});
