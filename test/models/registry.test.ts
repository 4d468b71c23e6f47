import { describe, expect, it } from 'vitest';
import { resolveModel } from '../../src/models/registry.js';
import { ModelError } from '../../src/models/model-error.js';
import type { KeyStore } from '../../src/models/keys.js';
import { createEchoModel } from '../../src/models/echo.js';
import { generate } from '../../src/models/generate.js';
import { startOpenAIServer } from '../support/openai-server.js';
import { thrown } from '../support/thrown.js';

function memoryStore(values: Record<string, unknown> = {}): KeyStore {
  return { path: '(memory)', get: (k) => values[k], set: (k, v) => void (values[k] = v), delete: (k) => void delete values[k], all: () => values };
}

function errorOf(fn: () => unknown): ModelError {
  return thrown(fn, ModelError);
}

describe('resolveModel', () => {
  it('resolves the echo models', () => {
    expect(resolveModel('echo', { store: memoryStore() }).modelId).toBe('last');
    expect(resolveModel('echo:last', { store: memoryStore() }).modelId).toBe('last');
    expect(resolveModel('echo:all', { store: memoryStore() }).modelId).toBe('all');
  });

  it('resolves openai: with a key from the env, or else from the store', () => {
    const fromEnv = resolveModel('openai:gpt-4o', { env: { OPENAI_API_KEY: 'sk-env' }, store: memoryStore() });
    expect(fromEnv.provider).toBe('openai.chat');
    expect(fromEnv.modelId).toBe('gpt-4o');
    const fromStore = resolveModel('openai:gpt-4o-mini', { env: {}, store: memoryStore({ 'openai.apiKey': 'sk-stored' }) });
    expect(fromStore.modelId).toBe('gpt-4o-mini');
  });

  it('a missing OpenAI key says how to set one', () => {
    const error = errorOf(() => resolveModel('openai:gpt-4o', { env: {}, store: memoryStore() }));
    expect(error.kind).toBe('missing-key');
    expect(error.message).toBe('no OpenAI API key: set OPENAI_API_KEY or run `stepwise config set openai.apiKey sk-...`');
  });

  it('an unknown provider lists the built-ins and says where to add it', () => {
    const error = errorOf(() => resolveModel('foo:bar', { env: {}, store: memoryStore() }));
    expect(error.kind).toBe('config');
    expect(error.message).toBe('unknown model provider `foo` in `foo:bar`; built in: openai, echo; add it under `providers` in stepwise.config.ts');
  });

  it('a model id without a provider says how to write one', () => {
    const error = errorOf(() => resolveModel('gpt-4o', { env: {}, store: memoryStore() }));
    expect(error.message).toBe(
      'model id `gpt-4o` names no provider and model: write it as `provider:model`, e.g. `openai:gpt-4o`, or `echo` for an offline dry run',
    );
  });

  it('an unknown echo variant names the valid ones', () => {
    expect(errorOf(() => resolveModel('echo:first', {})).message).toBe('unknown echo model `echo:first`: use `echo`, `echo:last` or `echo:all`');
  });

  it('uses any AI SDK provider from the config: a function or an object with languageModel', () => {
    const asFunction = resolveModel('mine:all', { config: { providers: { mine: (id: string) => createEchoModel(id as 'all') } }, store: memoryStore() });
    expect(asFunction.modelId).toBe('all');
    const asObject = resolveModel('other:last', { config: { providers: { other: { languageModel: (id: string) => createEchoModel(id as 'last') } } }, store: memoryStore() });
    expect(asObject.modelId).toBe('last');
  });

  it('a config provider that returns no model is a config error', () => {
    const error = errorOf(() => resolveModel('bad:x', { config: { providers: { bad: () => 42 } }, store: memoryStore() }));
    expect(error.message).toBe('provider `bad` returned no language model for `bad:x`: check provider `bad` in stepwise.config.ts');
  });

  it('a provider from the stored settings works as openai-compatible', async () => {
    const server = await startOpenAIServer([{ kind: 'text', text: 'from ollama' }]);
    try {
      const store = memoryStore({ 'providers.ollama': { baseURL: server.url } });
      const result = await generate({ modelId: 'ollama:llama3', messages: [{ role: 'user', content: 'hi' }] }, { env: {}, store });
      expect(result.output).toBe('from ollama');
      expect(server.requests[0].body.model).toBe('llama3');
      expect(server.requests[0].body.stream_options).toEqual({ include_usage: true });
    } finally {
      await server.close();
    }
  });
});
