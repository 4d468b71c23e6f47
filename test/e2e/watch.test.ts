// Editing the workflow file while the TUI is open: the screen follows every save, keeps
// results the edit did not touch, and shows compile errors without losing the last good version.
import { unlinkSync, writeFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTerminal, type Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';
import { GREET } from './greet-workflow.js';
import { workspace } from './workspace.js';

let terminal: Terminal | undefined;
beforeAll(() => assertBuilt());
afterEach(() => terminal?.kill('SIGKILL'));

async function startDone(): Promise<{ t: Terminal; file: string }> {
  const file = workspace().write('greet.mdx', GREET);
  const t = await startTerminal([file, '--model', 'echo', '--input', 'name=Bo', '--input', 'mood=warm', '--input', 'times=1'], { rows: 30 });
  await t.waitFor('Phase 2');
  t.write('c');
  await t.waitFor('│ done │');
  return { t, file };
}

describe('watching the workflow file', () => {
  it('a saved edit shows at once; the unchanged phase keeps its result and the changed one goes stale', async () => {
    const { t, file } = await startDone();
    terminal = t;
    writeFileSync(file, GREET.replace('Now say goodbye to {name}.', 'Now wave goodbye to {name}.'));
    await t.waitFor('bye GenText (stale)');
    const screen = t.screen();
    expect(screen).toMatch(/✓ Phase 1 +1\/1 action/);
    expect(screen).toMatch(/~ Phase 2 +1\/1 action/);
    expect(screen).not.toContain('hello GenText (stale)');
    // the stale step shows the prompt it would send now above its old result
    expect(screen).toMatch(/bye GenText \(stale\) +6\+6 tokens \d+\.\ds\n +Now wave goodbye to Bo\.\n +Now say goodbye to Bo\./);
    // the next step command re-runs only the stale step, with the new prompt
    t.write('n');
    await t.waitFor(/✓ Phase 2 +1\/1 action/);
    expect(t.screen()).toMatch(/✓ bye GenText +Now wave goodbye to Bo\./);
  });

  it('a new phase appears when one is added', async () => {
    const { t, file } = await startDone();
    terminal = t;
    writeFileSync(file, `${GREET}\n---\n\nAnd a postscript for {name}.\n\n<GenText as="ps" />\n`);
    await t.waitFor('Phase 3');
    expect(t.screen()).toContain('ps GenText');
    t.write('n');
    await t.waitFor('And a postscript for Bo.');
  });

  it('a compile error shows as a banner with line, column and code frame; fixing the file clears it', async () => {
    const { t, file } = await startDone();
    terminal = t;
    writeFileSync(file, GREET.replace('<GenText as="bye" />', '<GenTxt as="bye" />'));
    await t.waitFor('unknown action `<GenTxt>`');
    const screen = t.screen();
    expect(screen.split('\n')[0]).toMatch(/^greet\.mdx — Greeting │ 1 error │/);
    expect(screen).toContain('line 26, column 1: unknown action `<GenTxt>`; did you mean `<GenText>`?');
    expect(screen).toContain('26 | <GenTxt as="bye" />');
    // the last good version and its results stay on screen
    expect(screen).toMatch(/✓ Phase 1 +1\/1 action/);
    writeFileSync(file, GREET);
    await t.waitFor((s) => !s.includes('GenTxt') && /^greet\.mdx — Greeting │ ok │/.test(s));
    expect(t.screen()).toMatch(/✓ Phase 2 +1\/1 action/);
  });

  it('a deleted file is named in the header; written back, it is compiled again and the header is back to normal', async () => {
    const { t, file } = await startDone();
    terminal = t;
    expect(t.screen().split('\n')[0]).toMatch(/^greet\.mdx — Greeting │ ok │/);
    unlinkSync(file);
    await t.waitFor((screen) => screen.split('\n')[0]!.startsWith('greet.mdx · deleted — waiting for it to return │ ok │'));
    // the last version and its results stay on screen
    expect(t.screen()).toMatch(/✓ Phase 2 +1\/1 action/);
    writeFileSync(file, `${GREET}\n---\n\nAnd a postscript for {name}.\n\n<GenText as="ps" />\n`);
    await t.waitFor((screen) => screen.includes('Phase 3') && /^greet\.mdx — Greeting │ ok │/.test(screen));
    expect(t.screen()).not.toContain('deleted');
  });

  it('--no-watch says so in the header', async () => {
    const file = workspace().write('greet.mdx', GREET);
    terminal = await startTerminal([file, '--model', 'echo', '--input', 'name=Bo', '--input', 'mood=warm', '--input', 'times=1', '--no-watch']);
    await terminal.waitFor('Phase 2');
    expect(terminal.screen().split('\n')[0]).toMatch(/^greet\.mdx — Greeting · not watched │ ok │ ready │/);
  });
});
