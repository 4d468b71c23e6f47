// Scrolling up in a streaming step holds the view still until the author goes back to the
// bottom; the phase being read in stays open when the run moves on.
import { afterEach, describe, expect, it } from 'vitest';
import { mountApp } from '../support/app.js';
import { KEYS } from '../support/ink.js';
import type { GenerateRequest, GenerateResult } from '../../src/models/types.js';

let app: ReturnType<typeof mountApp> | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
});

const has = (...parts: string[]) => (frame: string) => parts.every((part) => frame.includes(part));
// the running step's mark is a spinner: any frame of it

/** A model the test streams by hand: `push` sends lines, `finish` ends the call. */
function streamingModel() {
  const calls: Array<{ push: (text: string) => void; finish: () => void }> = [];
  const generate = (request: GenerateRequest) =>
    new Promise<GenerateResult>((resolve) => {
      let text = '';
      calls.push({
        push: (more) => {
          text += more;
          request.onTextDelta?.(more);
        },
        finish: () => resolve({ output: text, usage: { inputTokens: 1, outputTokens: 2 } }),
      });
    });
  return { generate, calls };
}

const lines = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}\n`).join('');

describe('scrolling a streaming step', () => {
  it('PgUp pins the view while the stream goes on; PgDn back at the bottom follows it again', async () => {
    const model = streamingModel();
    app = mountApp('runtime/conversation.mdx', { generate: model.generate });
    await app.wait((frame) => frame.includes('│ ready │') && app!.run !== undefined);
    await app.press('n', has('│ running │'));
    model.calls[0]!.push(lines(1, 60));
    // the selection follows the step that runs
    await app.wait((frame) => /^›   \S haiku GenText/m.test(frame) && frame.includes('line 60'));
    const pinned = await app.press(KEYS.pageUp, (frame) => !frame.includes('line 60'));
    const shown = pinned.match(/line \d+/g)!;
    expect(shown.length).toBeGreaterThan(3);
    expect(pinned).toContain('⋮ (PgDn for more)');
    // more text streams in: the lines being read stay where they are
    model.calls[0]!.push(lines(61, 90));
    await app.wait(() => app!.run!.state.steps['0.0']!.partial!.includes('line 90'));
    const still = await app.wait((frame) => frame.includes(shown[0]!));
    expect(still.match(/line \d+/g)).toEqual(shown);
    // back down to the bottom: the view follows the stream again
    const following = await app.press(KEYS.pageDown, has('line 90'));
    expect(following).not.toContain('⋮ (PgDn for more)');
    model.calls[0]!.push(lines(91, 95));
    await app.wait(has('line 95'));
  });

  it('End follows the stream again from anywhere', async () => {
    const model = streamingModel();
    app = mountApp('runtime/conversation.mdx', { generate: model.generate });
    await app.wait((frame) => frame.includes('│ ready │') && app!.run !== undefined);
    await app.press('n', has('│ running │'));
    model.calls[0]!.push(lines(1, 80));
    // the selection follows the step that runs
    await app.wait((frame) => /^›   \S haiku GenText/m.test(frame) && frame.includes('line 80'));
    await app.press(KEYS.pageUp, (frame) => !frame.includes('line 80'));
    await app.press(KEYS.pageUp, (frame) => !frame.includes('line 70'));
    model.calls[0]!.push(lines(81, 85));
    await app.press(KEYS.end, has('line 85'));
  });

  it('a phase the author scrolled in stays open when the run moves to the next one', async () => {
    const model = streamingModel();
    app = mountApp('runtime/conversation.mdx', { generate: model.generate });
    await app.wait((frame) => frame.includes('│ ready │') && app!.run !== undefined);
    await app.press('c', has('│ running │'));
    model.calls[0]!.push(lines(1, 60));
    // the selection follows the step that runs
    await app.wait((frame) => /^›   \S haiku GenText/m.test(frame) && frame.includes('line 60'));
    await app.press(KEYS.pageUp, (frame) => !frame.includes('line 60'));
    model.calls[0]!.finish();
    await app.wait(() => model.calls.length === 2);
    model.calls[1]!.push('a rhyme\n');
    model.calls[1]!.finish();
    await app.wait(() => model.calls.length === 3);
    // phase 2 runs (and opens); phase 1, where the author is reading, stays open too
    const frame = await app.wait((shown) => /▾ \S Phase 2/.test(shown) && shown.includes('▾ ✓ Phase 1'));
    // still reading haiku where the author left it
    expect(frame).toContain('›   ✓ haiku GenText');
    expect(frame).not.toContain('line 60');
  });
});
