import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generate } from '../../src/models/generate.js';
import { ModelError } from '../../src/models/model-error.js';
import type { KeyStore } from '../../src/models/keys.js';
import { closedPortUrl, startOpenAIServer, type OpenAIServer } from '../support/openai-server.js';

// An in-memory store so these tests never read the real home folder.
function memoryStore(values: Record<string, unknown> = {}): KeyStore {
  return { path: '(memory)', get: (k) => values[k], set: (k, v) => void (values[k] = v), delete: (k) => void delete values[k], all: () => values };
}

let server: OpenAIServer;
let consoleSpies: Array<ReturnType<typeof vi.spyOn>>;

beforeEach(async () => {
  server = await startOpenAIServer();
  consoleSpies = (['error', 'warn', 'log', 'info', 'debug'] as const).map((name) => vi.spyOn(console, name));
});

afterEach(async () => {
  // Nothing may ever reach the console: it would corrupt the terminal UI.
  const calls = consoleSpies.flatMap((spy) => spy.mock.calls);
  for (const spy of consoleSpies) spy.mockRestore();
  await server.close();
  expect(calls).toEqual([]);
});

function openai() {
  return { env: { OPENAI_API_KEY: 'sk-test-1234', OPENAI_BASE_URL: server.url }, store: memoryStore() };
}

function local() {
  return { config: { providers: { local: { type: 'openai-compatible' as const, baseURL: server.url, apiKey: 'local-key' } } }, env: {}, store: memoryStore() };
}

async function failure(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelError);
  return error as ModelError;
}

const messages = [
  { role: 'system' as const, content: 'Be brief.' },
  { role: 'user' as const, content: 'Say hello.' },
];

describe('generate text through the real SDK', () => {
  it('streams deltas in order via openai: and sends the exact request', async () => {
    server.reply({ kind: 'text', text: 'Hello there, author!', chunks: 4, usage: { prompt_tokens: 12, completion_tokens: 5 } });
    const deltas: string[] = [];
    const result = await generate({ modelId: 'openai:gpt-4o-mini', messages, options: { temperature: 0.2, maxTokens: 50 }, onTextDelta: (d) => deltas.push(d) }, openai());

    expect(deltas).toEqual(['Hello', ' ther', 'e, au', 'thor!']);
    expect(result).toEqual({ output: 'Hello there, author!', usage: { inputTokens: 12, outputTokens: 5 } });
    expect(server.requests).toHaveLength(1);
    const request = server.requests[0];
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe('Bearer sk-test-1234');
    expect(request.body).toMatchObject({
      model: 'gpt-4o-mini',
      stream: true,
      temperature: 0.2,
      max_tokens: 50,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Say hello.' },
      ],
    });
  });

  it('works through an openai-compatible provider from the config', async () => {
    server.reply({ kind: 'text', text: 'Local answer.', chunks: 2 });
    const deltas: string[] = [];
    const result = await generate({ modelId: 'local:llama3', messages, onTextDelta: (d) => deltas.push(d) }, local());

    expect(deltas.join('')).toBe('Local answer.');
    expect(deltas).toHaveLength(2);
    expect(result.output).toBe('Local answer.');
    expect(server.requests[0].body.model).toBe('llama3');
    expect(server.requests[0].headers.authorization).toBe('Bearer local-key');
  });

  it('uses a non-streaming request when stream is false', async () => {
    server.reply({ kind: 'text', text: 'All at once.', usage: { prompt_tokens: 7, completion_tokens: 3 } });
    const onTextDelta = vi.fn();
    const result = await generate({ modelId: 'openai:gpt-4o', messages, stream: false, onTextDelta }, openai());

    expect(result).toEqual({ output: 'All at once.', usage: { inputTokens: 7, outputTokens: 3 } });
    expect(server.requests[0].body.stream).toBeUndefined();
    expect(onTextDelta).not.toHaveBeenCalled();
  });

  it('sends images as image_url parts', async () => {
    server.reply({ kind: 'text', text: 'A cat.' });
    await generate(
      { modelId: 'openai:gpt-4o', messages: [{ role: 'user', content: [{ type: 'text', text: 'What is it?' }, { type: 'image', image: 'aGVsbG8=', mediaType: 'image/png' }] }] },
      openai(),
    );
    expect(server.requests[0].body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is it?' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,aGVsbG8=' } },
        ],
      },
    ]);
  });
});

describe('generate objects through the real SDK', () => {
  const schema = {
    type: 'object',
    properties: { name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } },
    required: ['name', 'tags'],
    additionalProperties: false,
  };

  it('reports partial objects and returns the validated object', async () => {
    server.reply({ kind: 'json', value: { name: 'Ada', tags: ['math', 'code'] }, chunks: 5 });
    const partials: unknown[] = [];
    const onTextDelta = vi.fn();
    const result = await generate({ modelId: 'openai:gpt-4o', messages, schema, schemaName: 'person', onPartialObject: (p) => partials.push(p), onTextDelta }, openai());

    expect(result.output).toEqual({ name: 'Ada', tags: ['math', 'code'] });
    expect(partials.length).toBeGreaterThan(1);
    expect(partials.at(-1)).toEqual({ name: 'Ada', tags: ['math', 'code'] });
    expect(onTextDelta).not.toHaveBeenCalled();
    expect(server.requests[0].body.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'person', schema, strict: true } });
  });

  it('fails with kind schema naming the wrong field', async () => {
    server.reply({ kind: 'json', value: { name: 'Ada', tags: ['math', 3] } });
    const error = await failure(generate({ modelId: 'local:llama3', messages, schema }, local()));
    expect(error.kind).toBe('schema');
    expect(error.message).toBe(
      "the model's object does not match the schema: `tags[1]`: Invalid input: expected string, received number: press r to retry, or make the prompt describe the expected fields",
    );
  });
});

describe('generate errors', () => {
  it('401 is an auth error with the provider message and how to fix the key', async () => {
    server.reply({ kind: 'error', status: 401, message: 'Incorrect API key provided.' });
    const error = await failure(generate({ modelId: 'openai:gpt-4o', messages }, openai()));
    expect(error.kind).toBe('auth');
    expect(error.message).toBe('the provider rejected the API key (401 Incorrect API key provided.): check OPENAI_API_KEY or `stepwise config set openai.apiKey ...`');
    expect(server.requests).toHaveLength(1);
  });

  it('401 from a configured provider points at that provider', async () => {
    server.reply({ kind: 'error', status: 401, message: 'bad key' });
    const error = await failure(generate({ modelId: 'local:llama3', messages }, local()));
    expect(error.message).toBe(
      'the provider rejected the API key (401 bad key): check the apiKey of provider `local` in stepwise.config.ts or `stepwise config set providers.local.apiKey ...`',
    );
  });

  it('429 is a rate-limit error and is not retried behind the author', async () => {
    server.reply({ kind: 'error', status: 429, message: 'Rate limit reached.' });
    const error = await failure(generate({ modelId: 'openai:gpt-4o', messages }, openai()));
    expect(error.kind).toBe('rate-limit');
    expect(error.message).toBe('rate limited by the server (429 Rate limit reached.): wait and press r to retry');
    expect(error.hint).toBe('wait and press r to retry');
    expect(server.requests).toHaveLength(1);
  });

  it('500 is a server error', async () => {
    server.reply({ kind: 'error', status: 500, message: 'The server had an error.' });
    const error = await failure(generate({ modelId: 'openai:gpt-4o', messages, stream: false }, openai()));
    expect(error.kind).toBe('server');
    expect(error.message).toBe('the provider failed (500 The server had an error.): press r to retry');
  });

  it('a stream cut mid-way says how much arrived', async () => {
    server.reply({ kind: 'cut', text: 'abcdefghijkl', chunks: 4, sent: 2 });
    const deltas: string[] = [];
    const error = await failure(generate({ modelId: 'openai:gpt-4o', messages, onTextDelta: (d) => deltas.push(d) }, openai()));
    expect(deltas).toEqual(['abc', 'def']);
    expect(error.kind).toBe('stream');
    expect(error.message).toBe('the connection dropped mid-answer, after 6 characters: press r to retry');
  });

  it('writes nothing to the console while a stream fails', async () => {
    server.reply({ kind: 'cut', text: 'abcdefghijkl', chunks: 4, sent: 1 });
    await failure(generate({ modelId: 'openai:gpt-4o', messages }, openai()));
    server.reply({ kind: 'error', status: 500, message: 'down' });
    await failure(generate({ modelId: 'local:llama3', messages, schema: { type: 'object' } }, local()));
    expect(console.error).not.toHaveBeenCalled();
    expect(console.warn).not.toHaveBeenCalled();
  });

  it('a closed port is a connection error naming the base URL', async () => {
    const url = await closedPortUrl();
    const error = await failure(generate({ modelId: 'openai:gpt-4o', messages }, { env: { OPENAI_API_KEY: 'sk-x', OPENAI_BASE_URL: url }, store: memoryStore() }));
    expect(error.kind).toBe('connection');
    expect(error.message).toBe(`cannot reach ${url} (connection refused): is the server running? check OPENAI_BASE_URL`);
  });

  it('a closed port on a configured provider points at its baseURL', async () => {
    const url = await closedPortUrl();
    const config = { providers: { ollama: { type: 'openai-compatible' as const, baseURL: url } } };
    const error = await failure(generate({ modelId: 'ollama:llama3', messages }, { config, env: {}, store: memoryStore() }));
    expect(error.message).toBe(`cannot reach ${url} (connection refused): is the server running? check the baseURL of provider \`ollama\``);
  });

  it('a missing OpenAI key fails before any request', async () => {
    const error = await failure(generate({ modelId: 'openai:gpt-4o', messages }, { env: { OPENAI_BASE_URL: server.url }, store: memoryStore() }));
    expect(error.kind).toBe('missing-key');
    expect(error.message).toBe('no OpenAI API key: set OPENAI_API_KEY or run `stepwise config set openai.apiKey sk-...`');
    expect(server.requests).toHaveLength(0);
  });

  it('an abort during the stream is kind aborted', async () => {
    server.reply({ kind: 'text', text: 'one two three four', chunks: 4 });
    const controller = new AbortController();
    const deltas: string[] = [];
    const error = await failure(
      generate(
        {
          modelId: 'openai:gpt-4o',
          messages,
          signal: controller.signal,
          onTextDelta: (d) => {
            deltas.push(d);
            controller.abort();
          },
        },
        openai(),
      ),
    );
    expect(error.kind).toBe('aborted');
    expect(deltas).toEqual(['one t']);
  });
});
