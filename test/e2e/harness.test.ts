// The pty harness itself, against commands that do not need the TUI.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTerminal, type Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';

let terminal: Terminal | undefined;

beforeAll(() => assertBuilt());
afterEach(() => terminal?.kill());

describe('the pty harness', () => {
  it('shows `stepwise --help` on the screen, in a terminal, and reports exit code 0', async () => {
    terminal = await startTerminal(['--help'], { cols: 120, rows: 40 });
    await terminal.waitFor('Usage:');
    expect(await terminal.exit).toEqual({ exitCode: 0 });
    const screen = terminal.screen();
    expect(screen.split('\n')[0]).toBe('stepwise: write, run and step through Markdown/MDX LLM workflows');
    expect(screen).toContain('  stepwise check FILE... [--json]                   compile only; print diagnostics');
    // trailing spaces are trimmed from every row
    expect(screen.split('\n').every((row) => row === row.trimEnd())).toBe(true);
    expect(terminal.raw()).toContain('Usage:\r\n');
  });

  it('runs `check` with exit code 2 on an invalid workflow and shows the diagnostic', async () => {
    terminal = await startTerminal(['check', 'fixtures/invalid/unknown-action.mdx'], { cols: 120, rows: 40 });
    expect((await terminal.exit).exitCode).toBe(2);
    expect(terminal.screen()).toContain('unknown action `<GenTxt>`');
  });

  it('waitFor rejects with the current screen when the text never appears', async () => {
    terminal = await startTerminal(['--version']);
    await terminal.exit;
    await expect(terminal.waitFor('no such text', 50)).rejects.toThrow(/before the screen showed "no such text"\. Screen:\n0\.1\.0/);
  });

  it('reads the TUI between frames: every frame comes wrapped in synchronized-output marks', async () => {
    terminal = await startTerminal(['examples/poem.mdx', '--model', 'echo', '--input', 'topic=rain', '--input', 'language=French']);
    await terminal.waitFor('Phase');
    const raw = terminal.raw();
    const begun = raw.split('\x1b[?2026h').length - 1;
    expect(begun).toBeGreaterThan(0);
    expect(raw.split('\x1b[?2026l').length - 1).toBe(begun);
  });

  it('waitFor accepts a predicate and a regular expression', async () => {
    terminal = await startTerminal(['--version']);
    await terminal.waitFor(/^\d+\.\d+\.\d+$/m);
    await terminal.waitFor((screen) => screen.startsWith('0.1.0'));
  });
});
