// NO_COLOR in a real terminal: the bytes the TUI writes carry no colour at all, and still
// bold and dim; without it the same session is coloured. FORCE_COLOR (0 under the test
// config) is removed so the app sees what a user's 256-colour terminal gives it.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';
import { colorParameters, usesCode } from '../support/sgr.js';
import { poemOneStep } from './workspace.js';

let terminal: Terminal | undefined;
beforeAll(() => assertBuilt());
afterEach(() => terminal?.kill('SIGKILL'));

/** The form, then one step of examples/poem.mdx with the echo model; everything written until q. */
async function runOneStep(env: Record<string, string>): Promise<string> {
  const done = await poemOneStep({ FORCE_COLOR: '', ...env }, (opened) => (terminal = opened));
  return done.raw();
}

describe('colour in the TUI', () => {
  it('with NO_COLOR=1 no colour is written, while bold and dim are, and the marks show the states', async () => {
    const raw = await runOneStep({ NO_COLOR: '1' });
    expect(colorParameters(raw)).toEqual([]);
    expect(usesCode(raw, 1)).toBe(true);
    expect(usesCode(raw, 2)).toBe(true);
    expect(raw).toContain('✓');
    expect(raw).toContain('○');
  });

  it('without NO_COLOR the same session is coloured (the done mark green, the form\'s focus cyan)', async () => {
    const raw = await runOneStep({});
    expect(colorParameters(raw)).toEqual(expect.arrayContaining(['32', '36']));
    expect(usesCode(raw, 1)).toBe(true);
  });
});
