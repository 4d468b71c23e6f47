// The run view in a real terminal: the title in the header, each finished step's cost on
// its row, whole prompts and outputs while the screen has room, and a stream that holds
// still while the author reads above it.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, startTerminal, type Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';
import { keysReady, workspace } from './workspace.js';

let terminal: Terminal | undefined;
beforeAll(() => assertBuilt());
afterEach(() => terminal?.kill('SIGKILL'));

const TWO_PHASES = `---
title: Notes and their summary
model: echo
---

Write four notes:
first note,
second note,
third note,
fourth note.

<GenText as="notes" />

---

Summarise the notes above in one line.

<GenText as="summary" />
`;

const numbered = (count: number) => Array.from({ length: count }, (_, i) => `row ${i + 1}`).join('\n');

const LONG = `---
model: echo
---

${numbered(60)}

<GenText as="long" />
`;

describe('the run view', () => {
  it('shows the title, each step whole while the screen has room, and its cost at the right of its row', async () => {
    const file = workspace().write('notes.mdx', TWO_PHASES);
    terminal = await startTerminal([file, '--model', 'echo']);
    await terminal.waitFor('│ ready │');
    expect(terminal.screen().split('\n')[0]).toMatch(/^notes\.mdx — Notes and their summary │ ok │ ready │ echo │/);
    await keysReady(terminal);
    terminal.write('c');
    await terminal.waitFor('│ done │');
    terminal.write('o');
    await terminal.waitFor((screen) => screen.includes('▾ ✓ Phase 1') && screen.includes('▾ ✓ Phase 2'));
    const rows = terminal.screen().split('\n');
    const notes = rows.findIndex((row) => /^\s+✓ notes GenText/.test(row));
    expect(rows[notes]).toMatch(/^ {4}✓ notes GenText +\d+\+\d+ tokens \d+\.\ds$/);
    // the row is as wide as the screen: the cost ends at its last column but one
    expect(rows[notes]!.length).toBe(99);
    // the whole prompt (5 lines) and the whole echoed output, not a 3-line head and a 4-line tail
    expect(rows.slice(notes + 1, notes + 11)).toEqual([
      '      Write four notes:',
      '      first note,',
      '      second note,',
      '      third note,',
      '      fourth note.',
      '      Write four notes:',
      '      first note,',
      '      second note,',
      '      third note,',
      '      fourth note.',
    ]);
    expect(terminal.screen()).not.toContain('⋮');
  });

  it('PgUp in a streaming step holds the lines being read while the stream goes on; End follows it again', async () => {
    const file = workspace().write('long.mdx', LONG);
    // the echo model streams its reply (the 60-row prompt, ~100 tokens) in 8 pieces, 700 ms apart
    terminal = await startTerminal([file, '--model', 'echo'], { env: { STEPWISE_ECHO_DELAY_MS: '700' } });
    await terminal.waitFor('│ ready │');
    await keysReady(terminal);
    terminal.write('n');
    // a few pieces are in (the header counts them as an estimate), most are still to come
    await terminal.waitFor((screen) => Number(/~(\d+) out tokens/.exec(screen)?.[1] ?? 0) >= 30);
    terminal.write(KEYS.down);
    await terminal.waitFor(/^›\s+\S long GenText/m);
    terminal.write(KEYS.pageUp);
    await terminal.waitFor('⋮ (PgDn for more)');
    const body = (screen: string) => screen.split('\n').slice(1, -2).filter((row) => /^ {6}row \d+$/.test(row));
    const held = body(terminal.screen());
    expect(held.length).toBeGreaterThan(3);
    // the stream ends; what the author reads has not moved
    await terminal.waitFor('│ done │', 20_000);
    expect(body(terminal.screen())).toEqual(held);
    expect(terminal.screen()).not.toMatch(/^ {6}row 60$/m);
    terminal.write(KEYS.end);
    await terminal.waitFor(/^ {6}row 60$/m);
    expect(terminal.screen()).not.toContain('⋮ (PgDn for more)');
  }, 40_000);
});
