// After `c` stops at a failed step in a later phase, the selection is on that step and
// the failure line names the key that retries it; `r` retries it and nothing else.
import { afterEach, describe, expect, it } from 'vitest';
import { mountApp } from '../support/app.js';
import { KEYS } from '../support/ink.js';
import { failureNotice, itemFor } from '../../components/hooks/useFailedStep.js';
import type { StepRecord } from '../../src/runtime/types.js';
import type { GenerateRequest, GenerateResult } from '../../src/models/types.js';

let app: ReturnType<typeof mountApp> | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
});

const has = (...parts: string[]) => (frame: string) => parts.every((part) => frame.includes(part));

/** A model whose first answer for the phase-2 step `summary` is a server error. */
function failingSummary() {
  const prompts: string[] = [];
  let failed = false;
  const generate = async (request: GenerateRequest): Promise<GenerateResult> => {
    const last = String(request.messages[request.messages.length - 1]!.content);
    prompts.push(last);
    if (last.startsWith('Summarise') && !failed) {
      failed = true;
      throw new Error('the server fell over');
    }
    return { output: `reply ${prompts.length}`, usage: { inputTokens: 1, outputTokens: 1 } };
  };
  return { generate, prompts };
}

describe('retrying the step that failed', () => {
  it('selects the failed step, says r retries it, and r retries it without regenerating phase 1', async () => {
    const model = failingSummary();
    app = mountApp('runtime/conversation.mdx', { generate: model.generate });
    await app.wait(has('│ ready │'));
    const failed = await app.press('c', (f) => f.includes('│ failed │') && /^›\s+✗ summary GenText/m.test(f));
    expect(failed).toContain('failed: `summary`: the server fell over — press r to retry it');
    expect(model.prompts).toEqual(['Write a haiku about rain.', 'Now make it rhyme.', 'Summarise: reply 1']);
    const done = await app.press('r', has('│ done │'));
    expect(model.prompts).toEqual(['Write a haiku about rain.', 'Now make it rhyme.', 'Summarise: reply 1', 'Summarise: reply 1']);
    expect(app.run!.state.steps['1.0']!.output).toBe('reply 4');
    expect(app.run!.state.steps['0.0']!.output).toBe('reply 1');
    expect(done).not.toContain('(stale)');
  });

  it('moved away from the failed step, the line says how to get back to it', async () => {
    const model = failingSummary();
    app = mountApp('runtime/conversation.mdx', { generate: model.generate });
    await app.wait(has('│ ready │'));
    await app.press('c', (f) => /^›\s+✗ summary/m.test(f));
    // the phase's header still means its failed step: r there retries it too
    const phase = await app.press(KEYS.up, (f) => /^› ▾ ✗ Phase 2/m.test(f));
    expect(phase).toContain('failed: `summary`: the server fell over — press r to retry it');
    const frame = await app.press(KEYS.up, (f) => /^›\s+✓ rhyme/m.test(f));
    expect(frame).toContain('failed: `summary`: the server fell over — press r to retry it — select `summary` first (↑/↓)');
  });

  it('the failed phase stays open, the phase before it closes', async () => {
    const model = failingSummary();
    app = mountApp('runtime/conversation.mdx', { generate: model.generate });
    await app.wait(has('│ ready │'));
    const frame = await app.press('c', (f) => /^›\s+✗ summary/m.test(f));
    expect(frame).toMatch(/▸ ✓ Phase 1/);
    expect(frame).toMatch(/▾ ✗ Phase 2  0\/1 action\n›\s+✗ summary GenText +\d+\.\ds\n\s+Summarise: reply 1/);
  });
});

describe('the item a failed step selects', () => {
  const ids = (...list: string[]) => new Set(list);
  it('is the step, else the nearest enclosing step that is listed, else its phase', () => {
    expect(itemFor('1.0#2/0.1', ids('p:1', 's:1.0', 's:1.0#2/0.1'))).toBe('s:1.0#2/0.1');
    expect(itemFor('1.0#2/0.1#0/0.0', ids('p:1', 's:1.0', 's:1.0#2/0.1'))).toBe('s:1.0#2/0.1');
    expect(itemFor('1.0#2/0.1', ids('p:1', 's:1.0'))).toBe('s:1.0');
    expect(itemFor('1.0#2/0.1', ids('p:0', 'p:1'))).toBe('p:1');
    expect(itemFor('3.0', ids('p:0'))).toBeNull();
  });
});

describe('the failure line', () => {
  const failed = { key: '1.0', as: 'summary' } as StepRecord;
  it('names the step, and says r retries it unless the message says so already', () => {
    expect(failureNotice('the server fell over', failed, '1.0')).toBe('failed: `summary`: the server fell over — press r to retry it');
    expect(failureNotice('the provider failed (500 oops): press r to retry', failed, '1.0')).toBe('failed: `summary`: the provider failed (500 oops): press r to retry');
    expect(failureNotice('the provider failed (500 oops): press r to retry', failed, '0.0')).toBe('failed: `summary`: the provider failed (500 oops): press r to retry — select `summary` first (↑/↓)');
    expect(failureNotice('internal error', null, null)).toBe('failed: internal error');
  });
});
