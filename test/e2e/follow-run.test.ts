// The selection follows the run: the step that runs is the selected one, so it is on the
// screen while it streams and r/e/f/m act on the result just made. Moving the selection
// during a run keeps it where the author put it.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, startTerminal, type Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';
import { keysReady, workspace } from './workspace.js';

let terminal: Terminal | undefined;
beforeAll(() => assertBuilt());
afterEach(() => terminal?.kill('SIGKILL'));

/** `count` phases of one step each: p0, p1, ... */
function phases(count: number): string {
  const parts = Array.from({ length: count }, (_, index) => `Say ${index}.\n\n<GenText as="p${index}" />\n`);
  return `---\ntitle: Many phases\n---\n\n${parts.join('\n---\n\n')}`;
}

const selectedRow = (screen: string) => screen.split('\n').find((row) => row.startsWith('›'));

async function open(count: number, env: Record<string, string> = {}): Promise<Terminal> {
  const file = workspace().write('many.mdx', phases(count));
  terminal = await startTerminal([file, '--model', 'echo'], { env });
  await terminal.waitFor('Phase 1');
  await keysReady(terminal);
  return terminal;
}

describe('the selection follows the run', () => {
  it('after c on 30 phases the last step is selected and on the screen, not phase 1 thirty rows above', async () => {
    const t = await open(30);
    t.write('c');
    await t.waitFor((screen) => screen.includes('│ done │') && selectedRow(screen) !== undefined);
    expect(selectedRow(t.screen())).toMatch(/^› {3}✓ p29 GenText/);
    expect(t.screen()).not.toContain('Phase 1 ');
  });

  it('n, n, then f gives feedback on the step the second n ran', async () => {
    const t = await open(2);
    t.write('n');
    await t.waitFor((screen) => /^› {3}✓ p0 GenText/m.test(screen) && screen.includes('│ paused │'));
    t.write('n');
    await t.waitFor((screen) => /^› {3}✓ p1 GenText/m.test(screen) && screen.includes('│ done │'));
    t.write('f');
    await t.waitFor('Feedback for p1:');
  });

  it('↑ during a run keeps the selection where the author put it', async () => {
    // a slow echo: each step streams for a while
    const t = await open(3, { STEPWISE_ECHO_DELAY_MS: '150' });
    t.write('c');
    await t.waitFor((screen) => /^› {3}\S p0 GenText/m.test(screen) && screen.includes('│ running │'));
    t.write(KEYS.up);
    await t.waitFor((screen) => /^› ▾ \S Phase 1/m.test(screen));
    await t.waitFor('│ done │', 20_000);
    expect(selectedRow(t.screen())).toMatch(/^› [▸▾] ✓ Phase 1/);
  });
});
