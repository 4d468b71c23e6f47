// The App on a narrow, short screen: compile problems and failures too long for one row wrap,
// the layout makes room for them, and `!` opens the full list of problems.
import { afterEach, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { mountApp } from '../support/app.js';
import { KEYS } from '../support/ink.js';

let app: ReturnType<typeof mountApp> | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
});

const SIZE = { rows: 24, columns: 60 };
const has = (...parts: string[]) => (frame: string) => parts.every((part) => frame.includes(part));
const lines = (frame: string) => frame.split('\n');
/** Each problem at 60 columns: its message on three rows (the fix hint on the last), then its code frame. */
const problem = (line: number, column: number, name: string, source: string) => [
  `line ${line}, column ${column}: unknown name \`${name}\`: define it with an`,
  `  action's as="${name}" above, or as a frontmatter \`input\` or`,
  '  `data` key [unknown-name]',
  `  ${line} | ${source}`,
  `     | ${' '.repeat(column - 1)}^`,
];

it('six problems: the banner wraps the first and counts the rest; ! lists them all, scrolls, and Esc goes back', async () => {
  app = mountApp('runtime/conversation.mdx', { copy: true, watch: true, size: SIZE });
  await app.wait(has('│ ready │'));
  const original = readFileSync(app.file, 'utf8');
  writeFileSync(app.file, original.replace('Summarise: {haiku}', ['Summarise: {a1}', '{a2}', '{a3}', '{a4}', '{a5}', '{a6}'].join('\n')));
  let frame = await app.wait(has('more: press ! to see them all'));
  // the banner keeps half the screen: one problem fits, in full
  expect(lines(frame).slice(1, 9)).toEqual([
    '✗ 6 errors in the file: still showing the last version that',
    'compiled; fix and save to update',
    ...problem(18, 13, 'a1', 'Summarise: {a1}'),
    '…and 5 more: press ! to see them all',
  ]);
  expect(lines(frame)[9]).toBe('› ▾ ○ Phase 1  0/2 actions');
  expect(lines(frame)).toHaveLength(SIZE.rows - 1);

  frame = await app.press('!', has('Esc back'));
  expect(lines(frame).slice(1, 21)).toEqual([
    '✗ 6 errors in the file: fix and save to update',
    ...problem(18, 13, 'a1', 'Summarise: {a1}'),
    '',
    ...problem(19, 2, 'a2', '{a2}'),
    '',
    ...problem(20, 2, 'a3', '{a3}'),
    '',
    '⋮ 17 more lines (↓/PgDn)',
  ]);
  expect(lines(frame).at(-1)).toBe('↑/↓ PgUp/PgDn scroll  Esc back');
  expect(frame).not.toContain('Phase 1');

  frame = await app.press(KEYS.pageDown, has('{a6}'));
  expect(lines(frame).slice(1, 20)).toEqual(['✗ 6 errors in the file: fix and save to update', '', ...problem(21, 2, 'a4', '{a4}'), '', ...problem(22, 2, 'a5', '{a5}'), '', ...problem(23, 2, 'a6', '{a6}')]);
  expect(frame).not.toContain('more lines');
  // the end holds: another page down changes nothing, one line up shows the line above
  await app.press(KEYS.pageDown, has('{a6}'));
  frame = await app.press(KEYS.up, has('⋮ 1 more line (↓/PgDn)'));
  expect(lines(frame)[2]).toBe('     |  ^');

  frame = await app.press(KEYS.escape, has('› ▾ ○ Phase 1'));
  expect(frame).toContain('…and 5 more: press ! to see them all');
  expect(frame).not.toContain('{a6}');

  // fixed: no banner, and ! says there is nothing to list
  writeFileSync(app.file, original);
  frame = await app.wait((f) => f.includes('│ ok │') && !f.includes('error'));
  frame = await app.press('!', has('no problems: the file compiles'));
  expect(frame).toContain('› ▾ ○ Phase 1');
});

it("a failed step's long message wraps above the key hints and the screen makes room for it", async () => {
  const reason = 'the gateway refused the request because the account has no credit left; add credit at example.test/billing and press r to retry';
  app = mountApp('runtime/conversation.mdx', { size: SIZE, generate: async () => Promise.reject(new Error(reason)) });
  await app.wait(has('│ ready │'));
  const frame = await app.press('n', has('│ failed │', '? help'));
  expect(lines(frame).slice(-4)).toEqual([
    'failed: `haiku`: the gateway refused the request because the',
    'account has no credit left; add credit at',
    'example.test/billing and press r to retry',
    'n/Enter next  p phase  c continue  ? help  q quit',
  ]);
  // the phases give up the two extra rows: the header stays on top, nothing is pushed off
  expect(lines(frame)).toHaveLength(SIZE.rows - 1);
  expect(lines(frame)[0]).toMatch(/^conversation\.mdx/);
  expect(lines(frame)[1]).toBe('  ▾ ✗ Phase 1  0/2 actions');
  // the failed step is the selected one
  expect(lines(frame)[2]).toMatch(/^› {3}✗ haiku GenText/);
});

it('a file that runs with a warning: the header counts it, ! lists it, and a save that fixes it clears it', async () => {
  app = mountApp('runtime/typo.mdx', { copy: true, watch: true, size: SIZE });
  let frame = await app.wait(has('│ 1 warning │ ready │'));
  expect(frame).not.toContain('titel');
  frame = await app.press('!', has('Esc back'));
  expect(lines(frame).slice(1, 6)).toEqual([
    '⚠ 1 warning: the file still runs; fix and save to clear it',
    'line 2, column 1: warning: unknown frontmatter key',
    '  `titel`; did you mean `title`? [frontmatter-key]',
    '  2 | titel: A typo in the frontmatter',
    '    | ^',
  ]);
  frame = await app.press(KEYS.escape, has('› ▾ ○ Phase 1'));
  frame = await app.press('n', has('✓ haiku GenText'));
  expect(frame).toContain('│ 1 warning │ done │');

  writeFileSync(app.file, readFileSync(app.file, 'utf8').replace('titel:', 'title:'));
  frame = await app.wait(has('│ ok │'));
  expect(frame).not.toContain('warning');
  await app.press('!', has('no problems: the file compiles'));

  writeFileSync(app.file, readFileSync(app.file, 'utf8').replace('title:', 'mdoel:'));
  await app.wait(has('│ 1 warning │'));
});
