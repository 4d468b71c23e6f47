// A step's versions (h), making an earlier one current again (Enter), and word diffs (d):
// of two versions, and of a stale step's prompt against the one it would send now.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { handModel, mountApp } from '../support/app.js';
import { KEYS, ticks } from '../support/ink.js';
import { clockTime } from '../../components/HistoryView.js';

let app: ReturnType<typeof mountApp> | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
});

const has = (...parts: string[]) => (frame: string) => parts.every((part) => frame.includes(part));
/** the frame's lines from the one starting with `title`, `count` of them */
const linesFrom = (frame: string, title: string, count: number) => {
  const lines = frame.split('\n');
  const start = lines.findIndex((line) => line.startsWith(title));
  expect(start, `no line starts with ${title}:\n${frame}`).toBeGreaterThanOrEqual(0);
  return lines.slice(start, start + count).map((line) => line.trimEnd());
};

/** haiku made twice (old, then new by r), rhyme made from the new one; haiku selected. */
async function twoHaikus() {
  const model = handModel();
  app = mountApp('runtime/conversation.mdx', { generate: model.generate });
  await app.wait(has('│ ready │'));
  app.stdin.write('n');
  (await model.nextCall()).finish('Rain on the old roof.\nQuiet puddles gather.');
  // the selection follows the step that ran
  await app.wait(has('│ paused │', 'Quiet puddles', '›   ✓ haiku GenText'));
  app.stdin.write('r');
  (await model.nextCall()).finish('Rain on the new roof.\nLoud puddles gather.');
  await app.wait(has('│ paused │', 'Loud puddles'));
  app.stdin.write('n');
  (await model.nextCall()).finish('A rhyme of the new roof.');
  await app.wait(has('│ paused │', '›   ✓ rhyme GenText  A rhyme of the new roof.'));
  await app.press(KEYS.up, has('›   ✓ haiku GenText'));
  return { app, model };
}

const at = (key: string, id: number) => clockTime(app!.run!.state.history[key]!.find((version) => version.id === id)!.at);

describe('the history of a step', () => {
  it('h lists the versions newest first; the first stays after a re-run; Esc closes', async () => {
    const { app } = await twoHaikus();
    const frame = await app.press('h', has('History of haiku'));
    expect(linesFrom(frame, 'History of', 3)).toEqual([
      'History of haiku: 2 versions, newest first (● current)',
      `› ● #2  ${at('0.0', 2)}  generated  echo:all  1 in 2 out  Rain on the new roof.`,
      `    #1  ${at('0.0', 1)}  generated  echo:all  1 in 2 out  Rain on the old roof.`,
    ]);
    expect(frame).toContain('↑/↓ select  Enter make current  d diff with current  Esc back');
    await app.press(KEYS.escape, has('›   ✓ haiku GenText  Rain on the new roof.'));
    await app.press('h', has('History of haiku'));
    await app.press('h', has('›   ✓ haiku GenText  Rain on the new roof.'));
  });

  it('d shows the word diff of the selected version against the current one; Esc goes back to the list, where PgUp/PgDn select', async () => {
    const { app } = await twoHaikus();
    await app.press('h', has('History of haiku'));
    await app.press(KEYS.down, has('›   #1'));
    const frame = await app.press('d', has('Output of haiku'));
    expect(linesFrom(frame, 'Output of', 3)).toEqual(['Output of haiku: [-#1-] {+#2 (current)+}', 'Rain on the [-old-]{+new+} roof.', '[-Quiet-]{+Loud+} puddles gather.']);
    await app.press(KEYS.escape, has('History of haiku', '›   #1'));
    // PgUp/PgDn move the selection a page (to the ends of a short list)
    await app.press(KEYS.pageUp, has('› ● #2'));
    await app.press(KEYS.pageDown, has('›   #1'));
  });

  it('Enter makes the selected version current: the frame shows its output and later steps go stale', async () => {
    const { app, model } = await twoHaikus();
    await app.press('h', has('History of haiku'));
    await app.press(KEYS.down, has('›   #1'));
    let frame = await app.press(KEYS.enter, has('restored #1 of haiku', '~ rhyme GenText (stale)'));
    // rhyme, next to run again, opens its phase
    expect(linesFrom(frame, '  ▾ ~ Phase 1', 9)).toEqual([
      '  ▾ ~ Phase 1  2/2 actions',
      expect.stringMatching(/^›   ✓ haiku GenText +1\+2 tokens \d+\.\ds$/),
      '      Write a haiku about rain.',
      '      Rain on the old roof.',
      '      Quiet puddles gather.',
      expect.stringMatching(/^    ~ rhyme GenText \(stale\) +1\+2 tokens \d+\.\ds$/),
      '      Now make it rhyme.',
      '      A rhyme of the new roof.',
      '  ▸ ○ Phase 2  0/1 action',
    ]);
    expect(app.run!.state.steps['0.0']!.output).toBe('Rain on the old roof.\nQuiet puddles gather.');
    expect(model.calls).toHaveLength(3);
    frame = await app.press('h', has('History of haiku: 3 versions'));
    expect(linesFrom(frame, 'History of', 4)).toEqual([
      'History of haiku: 3 versions, newest first (● current)',
      `› ● #3  ${at('0.0', 3)}  restored #1  echo:all           –  Rain on the old roof.`,
      `    #2  ${at('0.0', 2)}  generated    echo:all  1 in 2 out  Rain on the new roof.`,
      `    #1  ${at('0.0', 1)}  generated    echo:all  1 in 2 out  Rain on the old roof.`,
    ]);
    // the current version again: nothing to do
    await app.press(KEYS.enter, has('#3 is already the current version of haiku'));
    expect(app.run!.state.history['0.0']).toHaveLength(3);
  });

  it('a cancelled generation is a version too, and Enter makes its partial text the output', async () => {
    const model = handModel();
    app = mountApp('runtime/conversation.mdx', { generate: model.generate });
    await app.wait(has('│ ready │'));
    app.stdin.write('n');
    (await model.nextCall()).finish('first');
    await app.wait(has('│ paused │', '      first', '›   ✓ haiku GenText'));
    await app.press('r', has('│ running │', 'partial'));
    await app.press(KEYS.escape, has('│ paused │', '      first'));
    let frame = await app.press('h', has('History of haiku'));
    expect(linesFrom(frame, 'History of', 3)).toEqual([
      'History of haiku: 2 versions, newest first (● current)',
      `    #2  ${at('0.0', 2)}  cancelled  echo:all  0 in 0 out  partial`,
      `› ● #1  ${at('0.0', 1)}  generated  echo:all  1 in 2 out  first`,
    ]);
    await app.press(KEYS.up, has('  ● #1', '›   #2'));
    await app.press(KEYS.enter, has('restored #2 of haiku', '      partial'));
    expect(app.run!.state.steps['0.0']!.output).toBe('partial ');
  });

  it('a version made while the list is open goes on top; the selection stays on its version', async () => {
    const model = handModel();
    app = mountApp('runtime/conversation.mdx', { generate: model.generate });
    await app.wait(has('│ ready │'));
    app.stdin.write('n');
    (await model.nextCall()).finish('first');
    await app.wait(has('│ paused │', '      first', '›   ✓ haiku GenText'));
    app.stdin.write('r');
    const call = await model.nextCall();
    await app.press('h', has('History of haiku: 1 version', '›   #1'));
    call.finish('second');
    const frame = await app.wait(has('History of haiku: 2 versions'));
    expect(linesFrom(frame, 'History of', 3)).toEqual([
      'History of haiku: 2 versions, newest first (● current)',
      `  ● #2  ${at('0.0', 2)}  generated  echo:all  1 in 2 out  second`,
      `›   #1  ${at('0.0', 1)}  generated  echo:all  1 in 2 out  first`,
    ]);
  });

  it('h on a step that never ran says so', async () => {
    app = mountApp('runtime/conversation.mdx');
    await app.wait(has('│ ready │'));
    await app.press(KEYS.down, has('›   ○ haiku GenText'));
    await app.press('h', has('haiku has no versions yet: run it first (n)'));
  });
});

describe('the diff of a stale prompt', () => {
  it('d on a stale step after a file change shows the prompt its result was made from against the one it would send now', async () => {
    app = mountApp('runtime/conversation.mdx', { copy: true, watch: true });
    await app.wait(has('│ ready │'));
    await app.press('p', has('Phase 1  2/2 actions', '│ paused │'));
    const original = readFileSync(app.file, 'utf8');
    writeFileSync(app.file, original.replace('Now make it rhyme.', 'Now make it rhyme, twice.'));
    await app.wait(has('~ rhyme GenText (stale)', '│ paused │'));
    await app.wait(() => app!.run!.state.pending?.key === '0.1');
    // the selection is on the step `p` ran last
    await app.wait(has('›   ~ rhyme GenText (stale)'));
    const frame = await app.press('d', has('Prompt of rhyme'));
    expect(linesFrom(frame, 'Prompt of', 2)).toEqual(['Prompt of rhyme: [-its result was made from-] {+it would send now+}', 'Now make it rhyme{+, twice+}.']);
    expect(frame).toContain('↑/↓ PgUp/PgDn scroll  Esc back');
    await app.press(KEYS.escape, has('›   ~ rhyme GenText (stale)'));
  });

  it('d on a stale step behind another one says its new prompt is not known yet', async () => {
    app = mountApp('runtime/conversation.mdx', { copy: true, watch: true });
    await app.wait(has('│ ready │'));
    await app.press('p', has('Phase 1  2/2 actions', '│ paused │'));
    const original = readFileSync(app.file, 'utf8');
    writeFileSync(app.file, original.replace('Write a haiku about {topic}.', 'Write a haiku about {topic} at night.'));
    await app.wait(has('~ haiku GenText (stale)', '~ rhyme GenText (stale)', '│ paused │'));
    await app.wait(() => app!.run!.state.pending?.key === '0.0');
    await app.wait(has('›   ~ rhyme GenText (stale)'));
    await app.press('d', has('the prompt rhyme would send now depends on steps that have not run yet: run them (n), then press d'));
    await app.press(KEYS.up, has('›   ~ haiku GenText (stale)'));
    const frame = await app.press('d', has('Prompt of haiku'));
    expect(linesFrom(frame, 'Prompt of', 2)).toEqual(['Prompt of haiku: [-its result was made from-] {+it would send now+}', 'Write a haiku about rain {+at night+}.']);
  });

  it('d on a step that is not stale says what d is for', async () => {
    app = mountApp('runtime/conversation.mdx');
    await app.wait(has('│ ready │'));
    await app.press('p', has('Phase 1  2/2 actions', '│ paused │'));
    await ticks();
    await app.press(KEYS.up, has('›   ✓ haiku GenText'));
    await app.press('d', has("haiku is not stale: d shows what changed in a stale step's prompt (in h: between versions)"));
  });
});
