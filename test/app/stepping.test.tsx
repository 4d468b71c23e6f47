// The whole App driven through its keys on fixture workflows with the echo model.
import { afterEach, describe, expect, it } from 'vitest';
import { handModel, mountApp } from '../support/app.js';
import { KEYS } from '../support/ink.js';

let app: ReturnType<typeof mountApp> | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
});

const has = (...parts: string[]) => (frame: string) => parts.every((part) => frame.includes(part));

describe('stepping through a workflow', () => {
  it('n runs exactly one action and stops', async () => {
    app = mountApp('runtime/conversation.mdx');
    await app.wait(has('│ ready │'));
    const frame = await app.press('n', has('│ paused │'));
    expect(frame).toContain('✓ haiku GenText');
    expect(frame).toContain('○ rhyme GenText');
    expect(frame).toContain('Phase 1  1/2 actions');
    expect(app.run!.state.order).toEqual(['0.0']);
  });

  it('Enter is the same as n', async () => {
    app = mountApp('runtime/conversation.mdx');
    await app.wait(has('│ ready │'));
    await app.press(KEYS.enter, has('│ paused │', '✓ haiku GenText'));
    expect(app.run!.state.next).toBe('0.1');
  });

  it('command keys in one chunk with Enter each act, in order: n then Enter runs two actions', async () => {
    app = mountApp('runtime/conversation.mdx');
    await app.wait(has('│ ready │'));
    await app.press(`n${KEYS.enter}`, has('Phase 1  2/2 actions', '│ paused │'));
    expect(app.run!.state.order).toEqual(['0.0', '0.1']);
  });

  it('p finishes the phase and stops before the next one', async () => {
    app = mountApp('runtime/conversation.mdx');
    await app.wait(has('│ ready │'));
    const frame = await app.press('p', has('Phase 1  2/2 actions', '│ paused │'));
    expect(frame).toContain('✓ Phase 1');
    expect(frame).toContain('○ Phase 2  0/1 action');
    expect(app.run!.state.next).toBe('1.0');
  });

  it('c continues to the end and the header shows done with the tokens used', async () => {
    app = mountApp('runtime/conversation.mdx');
    await app.wait(has('│ ready │'));
    const frame = await app.press('c', has('│ done │'));
    expect(frame).toContain('✓ Phase 2  1/1 action');
    const usage = app.run!.state.usage;
    expect(frame).toContain(`${usage.inputTokens} in + ${usage.outputTokens} out tokens`);
    expect(usage.outputTokens).toBeGreaterThan(0);
  });

  it('Space pauses after the action in flight', async () => {
    const model = handModel();
    app = mountApp('runtime/conversation.mdx', { generate: model.generate });
    await app.wait(has('│ ready │'));
    // the header counts the streamed text as an estimate (8 characters, about 2 tokens)
    await app.press('c', has('│ running │', 'partial', '0 in + ~2 out tokens'));
    await app.press(KEYS.space, has('pausing after the current action'));
    model.calls[0]!.finish('first');
    const frame = await app.wait(has('│ paused │'));
    expect(frame).toContain('✓ haiku GenText');
    expect(frame).toContain('1 in + 2 out tokens');
    expect(model.calls).toHaveLength(1);
  });

  it('Esc cancels the running generation and keeps the step to run again', async () => {
    const model = handModel();
    app = mountApp('runtime/conversation.mdx', { generate: model.generate });
    await app.wait(has('│ ready │'));
    await app.press('n', has('│ running │', 'partial'));
    const frame = await app.press(KEYS.escape, has('│ paused │'));
    expect(frame).toContain('⊘ haiku GenText  cancelled');
    expect(model.calls[0]!.request.signal!.aborted).toBe(true);
  });

  it('Ctrl+C cancels first and quits on the second press', async () => {
    const model = handModel();
    app = mountApp('runtime/conversation.mdx', { generate: model.generate });
    await app.wait(has('│ ready │'));
    await app.press('n', has('│ running │', 'partial'));
    await app.press(KEYS.ctrlC, has('cancelled: press Ctrl+C again to quit'));
    expect(model.calls[0]!.request.signal!.aborted).toBe(true);
    expect(app.exited).toBe(0);
    app.stdin.write(KEYS.ctrlC);
    await app.wait(() => app!.exited === 1);
  });

  it('q quits at once when nothing runs, and asks while a run is in progress', async () => {
    const model = handModel();
    app = mountApp('runtime/conversation.mdx', { generate: model.generate });
    await app.wait(has('│ ready │'));
    await app.press('n', has('│ running │'));
    await app.press('q', has('Quit while running? y/n'));
    const back = await app.press('n', (frame) => !frame.includes('Quit while running'));
    expect(back).toContain('│ running │');
    expect(app.exited).toBe(0);
    await app.press('q', has('Quit while running? y/n'));
    app.stdin.write('y');
    await app.wait(() => app!.exited === 1);
  });

  it('q quits without asking when the run waits', async () => {
    app = mountApp('runtime/conversation.mdx');
    await app.wait(has('│ ready │'));
    app.stdin.write('q');
    await app.wait(() => app!.exited === 1);
  });
});

describe('keys pressed while the run is still being created', () => {
  it('are kept and applied as soon as it exists', async () => {
    let release!: () => void;
    const ready = new Promise<void>((resolve) => (release = resolve));
    app = mountApp('runtime/conversation.mdx', {
      createRun: async (workflow, inputs) => {
        await ready;
        const { createRun } = await import('../../src/runtime/create-run.js');
        return createRun({ workflow, inputs, modelOverride: 'echo', env: { STEPWISE_ECHO_DELAY_MS: '0' } });
      },
    });
    await app.wait(has('Phase 1'));
    app.stdin.write('n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(app.run).toBeUndefined();
    release();
    const frame = await app.wait(has('│ paused │', '✓ haiku GenText'));
    expect(frame).toContain('○ rhyme GenText');
  });
});
