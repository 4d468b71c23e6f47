// Editing the workflow file while the App runs: the screen follows each save.
import { afterEach, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { mountApp } from '../support/app.js';
import { KEYS } from '../support/ink.js';

let app: ReturnType<typeof mountApp> | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
});

const has = (...parts: string[]) => (frame: string) => parts.every((part) => frame.includes(part));

it('a save recompiles: unchanged results stay, the changed step goes stale; errors show a banner until fixed', async () => {
  app = mountApp('runtime/conversation.mdx', { copy: true, watch: true });
  await app.wait(has('│ ready │'));
  await app.press('p', has('Phase 1  2/2 actions', '│ paused │'));
  // rhyme, the step that ran last, is selected; → opens its phase
  await app.press(KEYS.right, has('▾ ✓ Phase 1', '›   ✓ rhyme GenText'));
  const original = readFileSync(app.file, 'utf8');
  const haiku = app.run!.state.steps['0.0'];

  writeFileSync(app.file, original.replace('Now make it rhyme.', 'Now make it rhyme twice.'));
  let frame = await app.wait(has('~ rhyme GenText (stale)'));
  expect(frame).toMatch(/^    ✓ haiku GenText +\d+\+\d+ tokens \d+\.\ds\n/m);
  expect(app.run!.state.steps['0.0']).toBe(haiku);
  expect(frame).toContain('│ ok │');

  const broken = original.replace('Now make it rhyme.', 'Now make it rhyme twice.\n\n<GenTxt as="oops" />');
  writeFileSync(app.file, broken);
  frame = await app.wait(has('│ 1 error │'));
  const line = broken.split('\n').findIndex((text) => text.startsWith('<GenTxt')) + 1;
  expect(frame).toContain('✗ 1 error in the file: still showing the last version that compiled; fix and save to update');
  expect(frame).toMatch(new RegExp(`line ${line}, column 1: .*GenTxt`));
  expect(frame).toContain(`  ${line} | <GenTxt as="oops" />`);
  // the last good version stays usable
  expect(frame).toContain('~ rhyme GenText (stale)');

  writeFileSync(app.file, original);
  frame = await app.wait((f) => f.includes('│ ok │') && !f.includes('error in the file'));
  expect(frame).toMatch(/^    ✓ haiku GenText +\d+\+\d+ tokens \d+\.\ds\n/m);
});

it('an input added by a save opens the form at it; cancelled, the step that reads it says how to give it a value', async () => {
  app = mountApp('runtime/conversation.mdx', { copy: true, watch: true });
  await app.wait(has('│ ready │'));
  await app.press('n', has('│ paused │'));
  const original = readFileSync(app.file, 'utf8');
  writeFileSync(app.file, original.replace('    default: rain\n', '    default: rain\n  style:\n    message: In which style?\n').replace('Now make it rhyme.', 'Now make it rhyme like {style}.'));
  let frame = await app.wait(has('[ Run ]'));
  expect(frame).toContain('❯ In which style? *');
  expect(frame).toContain('new input `style`: enter its value, then Enter on Run');
  frame = await app.press(KEYS.escape, (f) => !f.includes('[ Run ]'));
  frame = await app.press('n', has('│ failed │'));
  expect(frame).toContain('failed: `rhyme`: new input `style` has no value: press i to enter it\n');
  expect(frame).not.toContain('not defined');
});
