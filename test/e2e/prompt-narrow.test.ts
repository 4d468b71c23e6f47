// The feedback prompt on a 60-column terminal: a long instruction scrolls sideways on its
// one row. It used to wrap over the key hints below it, push the header off the top and
// squeeze the step's name out of "Feedback for poem:".
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, startTerminal, type Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';
import { keysReady, workspace } from './workspace.js';

let terminal: Terminal | undefined;
beforeAll(() => assertBuilt());
afterEach(() => terminal?.kill('SIGKILL'));

const POEM = `---
title: A poem
---

Write a poem.

<GenText as="poem" />
`;

const INSTRUCTION = 'please make this much more detailed and add a greeting line and a closing signature';

describe('the feedback prompt on a narrow screen', () => {
  it('keeps a long instruction on its row, the cursor in view, and sends all of it', async () => {
    const file = workspace().write('poem.mdx', POEM);
    const t = (terminal = await startTerminal([file, '--model', 'echo'], { cols: 60, rows: 24 }));
    await t.waitFor('Phase 1');
    await keysReady(t);
    t.write('n');
    await t.waitFor((screen) => screen.includes('│ done │') && /^› {3}✓ poem/m.test(screen));
    t.write('f');
    await t.waitFor('Feedback for poem:');
    t.write(INSTRUCTION);
    await t.waitFor('signature█');
    const rows = t.screen().split('\n');
    expect(rows[0]).toMatch(/^poem\.mdx .*│ done │/);
    expect(rows).toContain('Feedback for poem: … greeting line and a closing signature█');
    expect(rows).toContain('Enter regenerate with this instruction  Esc cancel');
    // Home: the start of the instruction is shown, the rest marked
    t.write(KEYS.home);
    await t.waitFor((screen) => screen.split('\n').includes('Feedback for poem: please make this much more detailed and…'));
    t.write(KEYS.enter);
    // echo answers with the instruction it was sent, whole
    await t.waitFor((screen) => !screen.includes('Feedback for') && screen.includes('closing signature') && screen.includes('│ done │'));
  });
});
