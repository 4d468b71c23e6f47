// Reading a step's request before paying for it: an expanded pending (or stale) step shows
// the prompt it would send now, and `m` shows the whole request, sent or not yet.
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

/** Answers every text step with "A reply." and GenObject with its smallest object. */
const replies = async (request: GenerateRequest): Promise<GenerateResult> => ({ output: request.schema ? { line: 'Short.' } : 'A reply.', usage: { inputTokens: 3, outputTokens: 2 } });

/** ↓ one row at a time until `name` is selected. */
async function selectStep(name: string) {
  while (!new RegExp(`^›\\s+\\S+ ${name} `, 'm').test(app!.lastFrame() ?? '')) {
    const before = app!.lastFrame();
    await app!.press(KEYS.down, (frame) => frame !== before);
  }
}

describe('a step that has not run', () => {
  it('shows, expanded, the prompt it would send: inputs filled in, later results as {expr}', async () => {
    app = mountApp('runtime/preview.mdx', { generate: replies });
    const first = await app.wait(has('│ ready │', 'Write a poem for kids.'));
    expect(first).toMatch(/○ poem GenText\n\s+Write a poem for kids\.\n\s+○ title GenText\n\s+Give it a title of 4 words\./);
    await selectStep('summary');
    const frame = await app.press(KEYS.right, has('Summarise {poem} for kids, titled {title.toUpperCase()}.'));
    expect(frame).toMatch(/○ summary GenObject\n\s+Summarise \{poem\} for kids, titled \{title\.toUpperCase\(\)\}\./);
  });

  it('m shows the request it would send, with its options and schema, marked as not sent yet', async () => {
    app = mountApp('runtime/preview.mdx', { generate: replies });
    await app.wait(has('│ ready │'));
    await selectStep('summary');
    const frame = await app.press('m', has('(not sent yet)'));
    const lines = frame.split('\n');
    const title = lines.findIndex((line) => line.startsWith('Would be sent'));
    expect(lines.slice(title, title + 10)).toEqual([
      'Would be sent to echo for `summary`: 1 message (not sent yet)',
      'schemaName: Summary',
      'schema:',
      '  {',
      '    "type": "object",',
      '    "properties": {',
      '      "line": {',
      '        "type": "string"',
      '      }',
      '    },',
    ]);
    expect(frame).toContain('options: temperature 0.2, maxTokens 50\n\n[user]\nSummarise {poem} for kids, titled {title.toUpperCase()}.');
    expect(app.run!.state.order).toEqual([]);
  });

  it('after the run, m on the GenObject step says where it was sent, with the same options and schema', async () => {
    app = mountApp('runtime/preview.mdx', { generate: replies });
    await app.wait(has('│ ready │'));
    await app.press('c', has('│ done │'));
    await selectStep('summary');
    const frame = await app.press('m', has('Sent to echo for `summary`'));
    expect(frame).toContain('Sent to echo for `summary`: 1 message\nschemaName: Summary\nschema:\n  {');
    expect(frame).toContain('options: temperature 0.2, maxTokens 50\n\n[user]\nSummarise A reply. for kids, titled A REPLY..');
    expect(frame).not.toContain('not sent yet');
  });
});

describe('a stale step', () => {
  it('shows the prompt it would send now, not the one its result was made from', async () => {
    app = mountApp('runtime/preview.mdx', { generate: replies });
    await app.wait(has('│ ready │'));
    await app.press('c', has('│ done │', 'Write a poem for kids.'));
    app.run!.update({ inputs: { audience: 'adults' } });
    const frame = await app.wait(has('(stale)', 'Write a poem for adults.'));
    expect(frame).toMatch(/poem GenText \(stale\) +3\+2 tokens \d+\.\ds\n\s+Write a poem for adults\.\n\s+A reply\./);
    expect(frame).not.toContain('Write a poem for kids.');
  });
});
