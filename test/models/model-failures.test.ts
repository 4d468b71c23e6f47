// How a model call fails when the server misbehaves: goes silent, drops the connection,
// sends an event nobody can read, rate-limits, or echoes the API key back. Real SDK, real
// HTTP against the local test server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generate } from '../../src/models/generate.js';
import { ModelError } from '../../src/models/model-error.js';
import type { KeyStore } from '../../src/models/keys.js';
import { forgetSecrets } from '../../src/models/secrets.js';
import { closedPortUrl, startOpenAIServer, type OpenAIServer } from '../support/openai-server.js';

const KEY = 'sk-proj-SECRETSECRETSECRET-wxyz';
const MASKED = 'sk-…wxyz';
const TIMEOUT_HINT = 'press r to retry; allow longer with --timeout SECONDS or `timeout` in stepwise.config.ts';

function memoryStore(values: Record<string, unknown> = {}): KeyStore {
  return { path: '(memory)', get: (k) => values[k], set: (k, v) => void (values[k] = v), delete: (k) => void delete values[k], all: () => values };
}

let server: OpenAIServer;
beforeEach(async () => {
  forgetSecrets();
  server = await startOpenAIServer();
});
afterEach(() => server.close());

const messages = [{ role: 'user' as const, content: 'Say hello.' }];
const schema = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'], additionalProperties: false };

function openai(extra: { timeout?: number; url?: string } = {}) {
  return { env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: extra.url ?? server.url }, store: memoryStore(), timeout: extra.timeout };
}

async function failure(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelError);
  return error as ModelError;
}

describe('timeouts', () => {
  it('a server that accepts the request and says nothing fails after the timeout', async () => {
    server.reply({ kind: 'silent' });
    const started = Date.now();
    const error = await failure(generate({ modelId: 'openai:gpt-4o', messages }, openai({ timeout: 0.5 })));
    const elapsed = Date.now() - started;
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(`the server stopped responding (no data for 0.5 s): ${TIMEOUT_HINT}`);
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(3000);
  });

  it('a stream that goes silent mid-answer fails after the timeout, keeping what came', async () => {
    server.reply({ kind: 'hang', text: 'abcdefghijkl', chunks: 4, sent: 2 });
    const deltas: string[] = [];
    const started = Date.now();
    const error = await failure(generate({ modelId: 'openai:gpt-4o', messages, onTextDelta: (d) => deltas.push(d) }, openai({ timeout: 0.4 })));
    expect(deltas).toEqual(['abc', 'def']);
    expect(error.message).toBe(`the server stopped responding (no data for 0.4 s): ${TIMEOUT_HINT}`);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('the timeout is per silence, not per call: a slow steady stream finishes', async () => {
    server.reply({ kind: 'text', text: 'one two three four five six', chunks: 6 });
    const result = await generate({ modelId: 'openai:gpt-4o', messages }, openai({ timeout: 0.3 }));
    expect(result.output).toBe('one two three four five six');
  });

  it('the config `timeout` applies when no --timeout is given, for configured providers too', async () => {
    server.reply({ kind: 'silent' });
    const config = { timeout: 0.3, providers: { local: { type: 'openai-compatible' as const, baseURL: server.url } } };
    const error = await failure(generate({ modelId: 'local:llama3', messages, stream: false }, { config, env: {}, store: memoryStore() }));
    expect(error.message).toBe(`the server stopped responding (no data for 0.3 s): ${TIMEOUT_HINT}`);
  });

  it('a refused port still says cannot reach, at once', async () => {
    const url = await closedPortUrl();
    const error = await failure(generate({ modelId: 'openai:gpt-4o', messages }, openai({ timeout: 0.5, url })));
    expect(error.kind).toBe('connection');
    expect(error.message).toBe(`cannot reach ${url} (connection refused): is the server running? check OPENAI_BASE_URL`);
  });

  it('a connection cut mid-answer says it dropped', async () => {
    server.reply({ kind: 'cut', text: 'abcdefghijkl', chunks: 4, sent: 2 });
    const error = await failure(generate({ modelId: 'openai:gpt-4o', messages }, openai({ timeout: 5 })));
    expect(error.message).toBe('the connection dropped mid-answer, after 6 characters: press r to retry');
  });

  it('stopping the step still stops the call at once', async () => {
    server.reply({ kind: 'silent' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(generate({ modelId: 'openai:gpt-4o', messages, signal: controller.signal }, openai({ timeout: 30 })));
    expect(error.kind).toBe('aborted');
  });
});

describe('messages that say what the server did', () => {
  it('a stream event that is not JSON says so, in GenText', async () => {
    server.reply({ kind: 'garbage', text: 'abcdefghijkl', chunks: 4, sent: 2 });
    const error = await failure(generate({ modelId: 'openai:gpt-4o', messages }, openai()));
    expect(error.kind).toBe('stream');
    expect(error.message).toBe('the server sent a stream event stepwise could not read: "{\\"choices\\": [oops" (not JSON): press r to retry');
  });

  it('and in GenObject, through a configured provider', async () => {
    server.reply({ kind: 'garbage', text: '{"name":"Ada"}', chunks: 3, sent: 1, line: '{"unexpected": true, "choices": 7}' });
    const config = { providers: { local: { type: 'openai-compatible' as const, baseURL: server.url } } };
    const error = await failure(generate({ modelId: 'local:llama3', messages, schema }, { config, env: {}, store: memoryStore() }));
    expect(error.message).toBe(
      'the server sent a stream event stepwise could not read: "{\\"unexpected\\":true,\\"choices\\":7}" (not a chat-completion chunk): press r to retry',
    );
  });

  it("a 429 shows the server's Retry-After", async () => {
    server.reply({ kind: 'error', status: 429, message: 'Rate limit reached.', headers: { 'retry-after': '20' } });
    const error = await failure(generate({ modelId: 'openai:gpt-4o', messages }, openai()));
    expect(error.kind).toBe('rate-limit');
    expect(error.message).toBe('rate limited by the server (429 Rate limit reached.): try again in 20 s, then press r');
  });

  it('a Retry-After given as a date counts the seconds from now', async () => {
    const at = new Date(Date.now() + 5 * 60_000).toUTCString();
    server.reply({ kind: 'error', status: 429, message: 'Slow down.', headers: { 'retry-after': at } });
    const error = await failure(generate({ modelId: 'openai:gpt-4o', messages }, openai()));
    expect(error.message).toMatch(/^rate limited by the server \(429 Slow down\.\): try again in (5|6) min, then press r$/);
  });
});

describe('API keys never appear whole', () => {
  it('a 401 that echoes the Authorization header shows the key masked', async () => {
    server.reply({ kind: 'error', status: 401, message: 'invalid credentials: {authorization}' });
    const error = await failure(generate({ modelId: 'openai:gpt-4o', messages }, openai()));
    expect(error.message).toBe(`the provider rejected the API key (401 invalid credentials: Bearer ${MASKED}): check OPENAI_API_KEY or \`stepwise config set openai.apiKey ...\``);
    expect(error.stack).not.toContain(KEY);
  });

  it("a 500 that repeats the request headers, with a provider's apiKey and a secret header from the config", async () => {
    const token = 'team-token-0123456789';
    server.reply({ kind: 'error', status: 500, message: 'upstream failed', echoHeaders: true });
    const config = { providers: { local: { type: 'openai-compatible' as const, baseURL: server.url, apiKey: KEY, headers: { 'x-team-token': token } } } };
    const error = await failure(generate({ modelId: 'local:llama3', messages, stream: false }, { config, env: {}, store: memoryStore() }));
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(error.message).toContain(`Bearer ${MASKED}`);
    expect(error.message).toContain('tea…6789');
    expect(error.message).not.toContain(KEY);
    expect(error.message).not.toContain(token);
  });

  it("a key from the settings store (where the TUI's `k` prompt puts it) is masked too", async () => {
    server.reply({ kind: 'error', status: 401, message: 'bad key {authorization}' });
    const store = memoryStore({ 'openai.apiKey': KEY });
    const error = await failure(generate({ modelId: 'openai:gpt-4o', messages }, { env: { OPENAI_BASE_URL: server.url }, store }));
    expect(error.message).toContain(`Bearer ${MASKED}`);
    expect(error.message).not.toContain(KEY);
  });

  it('a reply that repeats the key is masked, in the deltas and the output, even split across chunks', async () => {
    server.reply({ kind: 'text', text: `your key is ${KEY}, keep it safe`, chunks: 9 });
    const deltas: string[] = [];
    const result = await generate({ modelId: 'openai:gpt-4o', messages, onTextDelta: (d) => deltas.push(d) }, openai());
    expect(result.output).toBe(`your key is ${MASKED}, keep it safe`);
    expect(deltas.join('')).toBe(`your key is ${MASKED}, keep it safe`);
  });
});
