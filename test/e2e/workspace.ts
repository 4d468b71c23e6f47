// A throwaway folder per e2e test: workflows are copied or written there, so runs saved
// next to them (.stepwise/runs) and edits never touch the repository.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect } from 'vitest';
import { ROOT } from '../support/run-cli.js';
import { startTerminal, type Terminal } from '../support/pty.js';

export function workspace(): { dir: string; copy(from: string): string; write(name: string, text: string): string } {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-e2e-'));
  return {
    dir,
    copy(from) {
      const to = join(dir, basename(from));
      copyFileSync(join(ROOT, from), to);
      return to;
    },
    write(name, text) {
      const to = join(dir, name);
      writeFileSync(to, text);
      return to;
    },
  };
}

/** The terminal was handed back: the alternate screen left after it was entered, the cursor shown again, bracketed paste off. */
export function restoredTerminal(raw: string): boolean {
  const entered = raw.indexOf('\x1b[?1049h');
  const left = raw.lastIndexOf('\x1b[?1049l');
  // bracketed paste was on and is off again: the shell's paste behaves as before
  const pasteOff = raw.lastIndexOf('\x1b[?2004l') > raw.lastIndexOf('\x1b[?2004h') && raw.includes('\x1b[?2004h');
  return entered >= 0 && left > entered && raw.lastIndexOf('\x1b[?25h') > raw.lastIndexOf('\x1b[?25l') && pasteOff;
}

/**
 * The first frame is painted before the app switches the terminal to raw mode; until then
 * the terminal's line discipline would turn Enter into a line feed and Ctrl+C into SIGINT.
 * Opening and closing the help overlay proves the key handler is live.
 */
export async function keysReady(terminal: { write(keys: string): void; waitFor(test: (screen: string) => boolean): Promise<void> }): Promise<void> {
  terminal.write('?');
  await terminal.waitFor((screen) => screen.includes('rewind to the selected step'));
  terminal.write('\x1b');
  await terminal.waitFor((screen) => !screen.includes('rewind to the selected step'));
}

/** The input form opens first (prefilled): press Enter through it, field by field, until the run screen shows. */
export async function acceptInputs(terminal: import('../support/pty.js').Terminal): Promise<void> {
  await terminal.waitFor('[ Run ]');
  while (terminal.screen().includes('[ Run ]')) {
    const before = focusedRow(terminal.screen());
    terminal.write('\r');
    await terminal.waitFor((screen) => !screen.includes('[ Run ]') || focusedRow(screen) !== before);
  }
}

/** The input form's focused row (marked with ❯), if the form is open. */
export function focusedRow(screen: string): string | undefined {
  return screen.split('\n').find((row) => row.startsWith('❯ '));
}

/**
 * examples/poem.mdx with the echo model, the way a user first meets it: the form, one step
 * with `n`, then `q`. Resolves with the terminal once it has exited 0 (its `raw()` holds
 * everything written); `opened` gets the terminal as soon as it starts, to kill on failure.
 */
export async function poemOneStep(env: Record<string, string>, opened: (terminal: Terminal) => void): Promise<Terminal> {
  const file = workspace().copy('examples/poem.mdx');
  const terminal = await startTerminal([file, '--model', 'echo'], { env });
  opened(terminal);
  await acceptInputs(terminal);
  await terminal.waitFor('Phase 2');
  terminal.write('n');
  await terminal.waitFor((screen) => screen.includes('✓ poem GenText') && screen.includes('│ paused │'));
  terminal.write('q');
  expect(await terminal.exit).toEqual({ exitCode: 0 });
  return terminal;
}
