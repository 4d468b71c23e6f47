// A form with an input of every type on a standard 80x24 terminal: it is taller than the
// screen, so it scrolls to the focused field instead of squeezing the fields on top of
// each other (the Run row used to be off the screen, the fields drawn over each other).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, startTerminal, type Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';
import { workspace } from './workspace.js';

const EVERY_INPUT = `---
title: Every input
input:
  name:
    message: Your name
  notes:
    multiline: true
    default: |
      line one
      line two
  tone:
    type: select
    options: [friendly, formal]
  count:
    type: number
    default: 2
  loud:
    type: boolean
    default: false
  items:
    type: array
    default: [a, b]
  doc:
    type: file
    default: doc.txt
---

Hello {name} {notes} {tone} {count} {loud} {items} {doc}

<GenText as="out" />
`;

let terminal: Terminal | undefined;
beforeAll(() => assertBuilt());
afterEach(() => terminal?.kill('SIGKILL'));

const rows = (screen: string) => screen.split('\n');

describe('the input form on a small screen', () => {
  it('shows the fields around the focused one, each on its own rows, and scrolls to Run', async () => {
    const space = workspace();
    space.write('doc.txt', 'a document\n');
    const file = space.write('every.mdx', EVERY_INPUT);
    terminal = await startTerminal([file, '--model', 'echo'], { cols: 80, rows: 24 });
    await terminal.waitFor('Your name *');
    const first = rows(terminal.screen());
    // every field shown is drawn whole: its prompt alone on its row, its box closed
    expect(first).toContain('  Tone *');
    expect(first).toContain('    (•) friendly  ( ) formal');
    expect(first).toContain('    │ line two                                                                 │');
    expect(first).toContain('  ↓ 5 more below');
    expect(terminal.screen()).not.toContain('[ Run ]');

    // Tab to the Run row: the form scrolls, the last fields and Run are on screen
    for (let field = 1; field <= 7; field++) {
      terminal.write(KEYS.tab);
      await terminal.waitFor((screen) => (field === 7 ? screen.includes('❯ [ Run ]') : rows(screen).some((row) => row.startsWith('❯ ') && !row.includes('Your name'))));
    }
    const last = rows(terminal.screen());
    expect(last).toContain('  ↑ 4 more above');
    expect(last).toContain('  Doc');
    expect(last).toContain('    doc.txt ✓ found');
    expect(last).toContain('❯ [ Run ]');
    expect(last).not.toContain('  Tone *');
    // the form's key hints stay below it
    expect(terminal.screen()).toContain('Tab/↓ next · Shift+Tab/↑ previous');

    // back up to the first field: the window follows
    terminal.write(KEYS.shiftTab.repeat(7));
    await terminal.waitFor((screen) => rows(screen).some((row) => row.startsWith('❯ Your name')));
    expect(terminal.screen()).not.toContain('more above');
  });

  it('on 60x15, where the focused field alone fills the window, the "more above" row keeps a row of its own', async () => {
    const space = workspace();
    space.write('doc.txt', 'a document\n');
    const file = space.write('every.mdx', EVERY_INPUT);
    terminal = await startTerminal([file, '--model', 'echo'], { cols: 60, rows: 15 });
    await terminal.waitFor('Your name *');
    terminal.write(KEYS.tab.repeat(6));
    await terminal.waitFor((screen) => rows(screen).some((row) => row.startsWith('❯ Doc')));
    const shown = rows(terminal.screen());
    expect(shown).toContain('  ↑ 6 more above');
    expect(shown).toContain('❯ Doc');
    expect(shown).toContain('    doc.txt█ ✓ found');
  });
});
