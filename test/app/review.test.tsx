// Reviewing results through the App's keys: rerun, edit, feedback, rewind, messages, help, inputs.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mountApp } from '../support/app.js';
import { KEYS, ticks } from '../support/ink.js';
import { editInEditor } from '../../components/editor.js';

let app: ReturnType<typeof mountApp> | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
});

const has = (...parts: string[]) => (frame: string) => parts.every((part) => frame.includes(part));
const FAKE_EDITOR = `node ${join(import.meta.dirname, '..', 'support', 'fake-editor.mjs')}`;

/** Runs phase 1 of the conversation fixture, opens it and selects `haiku` (↑ from `rhyme`, the step `p` ran last). */
async function phaseOneDone(options: Parameters<typeof mountApp>[1] = {}) {
  app = mountApp('runtime/conversation.mdx', {
    ...options,
    editor: (text, options) => editInEditor(text, { ...options, env: { ...process.env, VISUAL: '', EDITOR: FAKE_EDITOR, FAKE_EDITOR_TEXT: 'My own haiku.\n' } }),
  });
  await app.wait(has('│ ready │'));
  await app.press('p', has('Phase 1  2/2 actions', '│ paused │', '›   ✓ rhyme GenText'));
  await app.press(KEYS.right, has('▾ ✓ Phase 1', '›   ✓ rhyme GenText'));
  await app.press(KEYS.up, has('›   ✓ haiku GenText'));
  return app;
}

describe('reviewing results', () => {
  it('r re-runs the selected action and, when its output changes, marks the later results stale', async () => {
    let calls = 0;
    const app = await phaseOneDone({ generate: async () => ({ output: `reply ${++calls}`, usage: { inputTokens: 1, outputTokens: 1 } }) });
    const before = app.run!.state.steps['0.0'];
    const frame = await app.press('r', (f) => f.includes('~ rhyme GenText (stale)') && f.includes('│ paused │'));
    expect(frame).toContain('›   ✓ haiku GenText');
    expect(app.run!.state.steps['0.0']).not.toBe(before);
    expect(app.run!.state.next).toBe('0.1');
  });

  it('e edits the output in $EDITOR and marks it as the author\'s', async () => {
    const app = await phaseOneDone();
    const frame = await app.press('e', has('(edited)', 'kept your edit of haiku'));
    expect(frame).toContain('›   ✓ haiku GenText (edited)');
    expect(frame).toContain('      My own haiku.');
    expect(app.run!.state.steps['0.0']!.output).toBe('My own haiku.');
    expect(frame).toContain('~ rhyme GenText (stale)');
  });

  it('f asks for an instruction and regenerates with it', async () => {
    const app = await phaseOneDone();
    await app.press('f', has('Feedback for haiku:'));
    await ticks(); // the text input listens from its first effect on
    app.stdin.write('shorter please');
    await app.wait(has('Feedback for haiku: shorter please'));
    await ticks();
    await app.press(KEYS.enter, (f) => !f.includes('Feedback for') && f.includes('│ paused │') && f.includes('      shorter please'));
    const record = app.run!.state.steps['0.0']!;
    expect(record.output).toBe('shorter please');
    expect(record.attempts).toEqual([{ output: 'Write a haiku about rain.', feedback: 'shorter please' }]);
  });

  it('feedback typed fast and sent at once is the instruction, and none of its letters act as commands', async () => {
    const app = await phaseOneDone();
    await app.press('f', has('Feedback for haiku:'));
    await ticks(); // the prompt listens from its first effect on
    app.stdin.write('make it rhyme, else quit');
    app.stdin.write(KEYS.enter);
    await app.wait((f) => !f.includes('Feedback for') && f.includes('│ paused │') && f.includes('      make it rhyme, else quit'));
    await ticks(8);
    expect(app.run!.state.steps['0.0']!.output).toBe('make it rhyme, else quit');
    expect(app.run!.state.steps['0.0']!.edited).toBe(false);
    expect(app.exited).toBe(0);
  });

  it('Esc closes the feedback prompt without sending anything', async () => {
    const app = await phaseOneDone();
    await app.press('f', has('Feedback for haiku:'));
    await app.press(KEYS.escape, (f) => !f.includes('Feedback for'));
    expect(app.run!.state.steps['0.0']!.attempts).toEqual([]);
  });

  it('u rewinds to the selected step', async () => {
    const app = await phaseOneDone();
    await app.press(KEYS.down, has('›   ✓ rhyme GenText'));
    const frame = await app.press('u', has('Phase 1  1/2 actions'));
    expect(frame).toContain('○ rhyme GenText');
    expect(app.run!.state.order).toEqual(['0.0']);
  });

  it('m shows the exact messages sent for the selected action, and to which model; Esc closes', async () => {
    const app = await phaseOneDone();
    await app.press(KEYS.down, has('›   ✓ rhyme GenText'));
    const frame = await app.press('m', has('Sent to echo for `rhyme`'));
    const lines = frame.split('\n');
    const start = lines.findIndex((line) => line === 'Sent to echo for `rhyme`: 3 messages');
    expect(lines.slice(start + 1, start + 9)).toEqual(['[user]', 'Write a haiku about rain.', '', '[assistant]', 'Write a haiku about rain.', '', '[user]', 'Now make it rhyme.']);
    await app.press(KEYS.escape, has('›   ✓ rhyme GenText'));
  });

  it('r on a phase header acts on its first step with a result', async () => {
    const app = await phaseOneDone();
    await app.press(KEYS.up, has('› ▾ ✓ Phase 1'));
    const before = app.run!.state.steps['0.0'];
    // the echo model answers the same again, so rhyme's result holds and comes back
    await app.press('r', () => app!.run!.state.steps['0.0'] !== before && app!.run!.state.next === '1.0');
    await app.wait(has('✓ rhyme GenText', '│ paused │'));
    expect(app.run!.state.history['0.0']).toHaveLength(2);
    expect(app.run!.state.steps['0.1']!.stale).toBe(false);
  });

  it('r with nothing run yet says what to do', async () => {
    app = mountApp('runtime/conversation.mdx');
    await app.wait(has('│ ready │'));
    await app.press('r', has('nothing to re-run: select a step that has a result (↑/↓)'));
  });

  it('? shows the help, ↓ scrolls it on a short screen, and any other key closes it', async () => {
    app = mountApp('runtime/conversation.mdx');
    await app.wait(has('│ ready │'));
    const frame = await app.press('?', has('Keys (↑/↓ PgUp/PgDn scroll; any other key closes)'));
    expect(frame).toContain('n/Enter    run the next action');
    expect(frame).toContain('more rows: ↓ or PgDn');
    const end = await app.press(KEYS.pageDown + KEYS.pageDown, has('(end of the help)'));
    expect(end).toContain('↑/↓ lines of a multi-line box (leave it from the first/last) · Ctrl+E there: $EDITOR');
    await app.press('x', has('Phase 1'));
  });

  it('→/← expand and collapse the selected phase, o toggles all', async () => {
    app = mountApp('runtime/conversation.mdx');
    await app.wait(has('│ ready │'));
    // phase 2 is next, so it is the open one; phase 1 shows one line per action, the one that ran last selected
    let frame = await app.press('p', has('Phase 1  2/2 actions', '│ paused │'));
    expect(frame).toContain('›   ✓ rhyme GenText  Now make it rhyme.');
    expect(frame).toContain('    ✓ haiku GenText  Write a haiku about rain.');
    frame = await app.press(KEYS.up + KEYS.up, has('› ▸ ✓ Phase 1'));
    frame = await app.press(KEYS.right, has('› ▾ ✓ Phase 1'));
    expect(frame).toContain('      Write a haiku about rain.');
    expect(frame).not.toContain('    ✓ haiku GenText  Write a haiku about rain.');
    // ← from the open phase: it folds back to one line per action
    frame = await app.press(KEYS.left, has('› ▸ ✓ Phase 1'));
    expect(frame).toContain('    ✓ haiku GenText  Write a haiku about rain.');
    expect(frame).not.toContain('      Write a haiku about rain.');
    // o with one phase folded opens all; again, it folds all
    await app.press('o', has('▾ ✓ Phase 1', '▾ ○ Phase 2'));
    await app.press('o', has('▸ ✓ Phase 1', '▸ ○ Phase 2'));
  });

  it('a missing required input opens the form first; the run starts with the typed value when it is submitted', async () => {
    app = mountApp('runtime/inputs.mdx');
    // the header says ready and the form's button shows before anything is submitted
    const form = await app.wait(has('[ Run ]', '│ ready │'));
    expect(form).not.toContain('Phase 1');
    expect(app.run).toBeUndefined();
    app.stdin.write('owls');
    await app.wait(has('owls'));
    await ticks();
    // Enter moves to the next field; on the last one it submits the form
    await app.press(KEYS.enter, has('❯ Lines'));
    await ticks();
    // the form gives way to the run, whose pending step shows the prompt with the typed value
    await app.press(KEYS.enter, (f) => !f.includes('[ Run ]') && f.includes('› ▾ ○ Phase 1  0/1 action') && f.includes('Write 4 lines about owls.'));
    expect(app.run!.state.inputs).toEqual({ topic: 'owls', lines: 4 });
    await ticks();
    const ran = await app.press('n', has('Phase 1  1/1 action', '│ done │'));
    expect(app.run!.state.steps['0.0']!.output).toBe('Write 4 lines about owls.');
    expect(ran).toContain('✓ poem GenText');
  });
});
