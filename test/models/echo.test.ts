import { describe, expect, it } from 'vitest';
import type { LanguageModelV3CallOptions, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { createEchoModel, echoDelayFromEnv, splitIntoChunks } from '../../src/models/echo.js';
import { generate } from '../../src/models/generate.js';
import { ModelError } from '../../src/models/model-error.js';
import type { ChatMessage } from '../../src/models/types.js';

const story = 'Tell me a story about a brave little toaster who travels far away';
const conversation: ChatMessage[] = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'Hi' },
  { role: 'assistant', content: 'Hello!' },
  { role: 'user', content: story },
];
const offline = { env: { STEPWISE_ECHO_DELAY_MS: '0' } };

async function readAll(stream: ReadableStream<LanguageModelV3StreamPart>): Promise<LanguageModelV3StreamPart[]> {
  const parts: LanguageModelV3StreamPart[] = [];
  for await (const part of stream as unknown as AsyncIterable<LanguageModelV3StreamPart>) parts.push(part);
  return parts;
}

function call(text: string, extra: Partial<LanguageModelV3CallOptions> = {}): LanguageModelV3CallOptions {
  return { prompt: [{ role: 'user', content: [{ type: 'text', text }] }], ...extra };
}

describe('echo through generate', () => {
  it('`echo` replies with the final user message, streamed in word chunks, with usage', async () => {
    const deltas: string[] = [];
    const result = await generate({ modelId: 'echo', messages: conversation, onTextDelta: (d) => deltas.push(d) }, offline);

    expect(result).toEqual({ output: story, usage: { inputTokens: 21, outputTokens: 17 } });
    expect(deltas).toEqual(['Tell me ', 'a story ', 'about a ', 'brave little ', 'toaster who ', 'travels far ', 'away']);
  });

  it('`echo:last` is the same as `echo`', async () => {
    const result = await generate({ modelId: 'echo:last', messages: conversation }, offline);
    expect(result.output).toBe(story);
  });

  it('`echo:all` replies with every message as [role] and content', async () => {
    const deltas: string[] = [];
    const result = await generate({ modelId: 'echo:all', messages: conversation, onTextDelta: (d) => deltas.push(d) }, offline);

    const expected = `[system]\nBe brief.\n\n[user]\nHi\n\n[assistant]\nHello!\n\n[user]\n${story}`;
    expect(result).toEqual({ output: expected, usage: { inputTokens: 21, outputTokens: 31 } });
    expect(deltas.join('')).toBe(expected);
    expect(deltas).toHaveLength(7);
  });

  it('renders images as [image mediaType]', async () => {
    const messages: ChatMessage[] = [
      { role: 'user', content: [{ type: 'text', text: 'Describe this' }, { type: 'image', image: 'aGVsbG8=', mediaType: 'image/png' }] },
    ];
    expect((await generate({ modelId: 'echo', messages }, offline)).output).toBe('Describe this\n[image image/png]');
    expect((await generate({ modelId: 'echo:all', messages }, offline)).output).toBe('[user]\nDescribe this\n[image image/png]');
  });

  it('replies with an empty text when there is no user message', async () => {
    const result = await generate({ modelId: 'echo', messages: [{ role: 'system', content: 'Only rules.' }] }, offline);
    expect(result).toEqual({ output: '', usage: { inputTokens: 3, outputTokens: 0 } });
  });

  it('works without streaming', async () => {
    const result = await generate({ modelId: 'echo', messages: conversation, stream: false }, offline);
    expect(result).toEqual({ output: story, usage: { inputTokens: 21, outputTokens: 17 } });
  });

  it('answers GenObject with the smallest valid object and reports partials', async () => {
    const schema = {
      type: 'object',
      properties: {
        title: { type: 'string', minLength: 2 },
        count: { type: 'integer', minimum: 1 },
        tags: { type: 'array', items: { type: 'string' }, minItems: 1 },
        mood: { enum: ['happy', 'sad'] },
        note: { type: 'string' },
      },
      required: ['title', 'count', 'tags', 'mood'],
    };
    const partials: unknown[] = [];
    const result = await generate({ modelId: 'echo', messages: conversation, schema, onPartialObject: (p) => partials.push(p) }, offline);

    expect(result.output).toEqual({ title: 'xx', count: 1, tags: [''], mood: 'happy' });
    expect(partials.at(-1)).toEqual({ title: 'xx', count: 1, tags: [''], mood: 'happy' });
    expect(partials.length).toBeGreaterThan(1);
  });

  it('answers GenObject without streaming too', async () => {
    const schema = { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] };
    const result = await generate({ modelId: 'echo:all', messages: conversation, schema, stream: false }, offline);
    expect(result.output).toEqual({ ok: false });
  });

  it('an abort mid-stream is kind aborted and stops the deltas', async () => {
    const controller = new AbortController();
    const deltas: string[] = [];
    const error = await generate(
      {
        modelId: 'echo',
        messages: conversation,
        signal: controller.signal,
        onTextDelta: (d) => {
          deltas.push(d);
          if (deltas.length === 2) controller.abort();
        },
      },
      offline,
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).kind).toBe('aborted');
    expect(deltas).toEqual(['Tell me ', 'a story ']);
  });
});

describe('the echo LanguageModelV3', () => {
  it('is a v3 model that streams text parts then a finish with usage', async () => {
    const model = createEchoModel('last', { delayMs: 0 });
    expect(model.specificationVersion).toBe('v3');
    expect(model.provider).toBe('echo');
    const { stream } = await model.doStream(call('one two'));
    expect(await readAll(stream)).toEqual([
      { type: 'stream-start', warnings: [] },
      { type: 'text-start', id: 'echo' },
      { type: 'text-delta', id: 'echo', delta: 'one ' },
      { type: 'text-delta', id: 'echo', delta: 'two' },
      { type: 'text-end', id: 'echo' },
      {
        type: 'finish',
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: {
          inputTokens: { total: 2, noCache: 2, cacheRead: 0, cacheWrite: 0 },
          outputTokens: { total: 2, text: 2, reasoning: 0 },
        },
      },
    ]);
  });

  it('rejects the pending read with an AbortError as soon as the signal aborts, even mid-pause', async () => {
    // A one-minute pause per chunk: only a prompt abort lets this test finish in time.
    const model = createEchoModel('last', { delayMs: 60_000 });
    const controller = new AbortController();
    const { stream } = await model.doStream(call('one two three', { abortSignal: controller.signal }));
    const reader = stream.getReader();
    const seen: string[] = [];
    for (let part = await reader.read(); !part.done; part = await reader.read()) {
      seen.push(part.value.type);
      if (part.value.type === 'text-delta') break;
    }
    const next = reader.read();
    controller.abort();
    await expect(next).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual(['stream-start', 'text-start', 'text-delta']);
  });

  it('rejects a call whose signal is already aborted', async () => {
    const model = createEchoModel('last', { delayMs: 0 });
    await expect(model.doGenerate(call('hi', { abortSignal: AbortSignal.abort() }))).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('answers JSON for a json response format', async () => {
    const model = createEchoModel('all', { delayMs: 0 });
    const result = await model.doGenerate(
      call('ignored', { responseFormat: { type: 'json', schema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] } } }),
    );
    expect(result.content).toEqual([{ type: 'text', text: '{\n  "ok": false\n}' }]);
  });
});

describe('splitIntoChunks', () => {
  it('splits on word boundaries into at most eight chunks that join back exactly', () => {
    const text = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const chunks = splitIntoChunks(text);
    expect(chunks).toHaveLength(8);
    expect(chunks.join('')).toBe(text);
    expect(chunks[0]).toBe('word0 word1 word2 word3 ');
  });

  it('keeps leading whitespace and gives short text one chunk per word', () => {
    expect(splitIntoChunks('  hi there')).toEqual(['  ', 'hi ', 'there']);
    expect(splitIntoChunks('')).toEqual([]);
  });
});

describe('echoDelayFromEnv', () => {
  it('defaults to 15 ms, honours a number, and ignores junk', () => {
    expect(echoDelayFromEnv({})).toBe(15);
    expect(echoDelayFromEnv({ STEPWISE_ECHO_DELAY_MS: '0' })).toBe(0);
    expect(echoDelayFromEnv({ STEPWISE_ECHO_DELAY_MS: '40' })).toBe(40);
    expect(echoDelayFromEnv({ STEPWISE_ECHO_DELAY_MS: 'fast' })).toBe(15);
  });
});
