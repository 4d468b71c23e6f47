// Model ids (`provider:model`) to AI SDK language models (docs/language.md §11). Providers come
// from, in order: the project's stepwise.config.ts, the user's stored settings, built-ins.
import type { LanguageModelV3 } from '@ai-sdk/provider';
import { createRequire } from 'node:module';
import type { ModelConfig, ProviderSetting } from './model-config.js';
import { createEchoModel, echoDelayFromEnv } from './echo.js';
import { BUILT_IN_PROVIDERS } from './provider-names.js';
import { hostLimits } from '../limits.js';
import { openKeyStore, type KeyStore } from './keys.js';
import { ModelError, NO_OPENAI_KEY } from './model-error.js';
import { MODEL_IDLE_TIMEOUT_SECONDS } from '../limits.js';
import { rememberSecret, rememberSecretHeaders } from './secrets.js';
import { timedFetch } from './timed-fetch.js';

export interface ModelContext {
  config?: ModelConfig | null;
  env?: NodeJS.ProcessEnv;
  /** the user's stored settings; opened from STEPWISE_CONFIG_DIR / the home folder when absent */
  store?: KeyStore;
  /** seconds without data before a call fails (--timeout); else the config's `timeout`, else the default */
  timeout?: number;
}

/** The idle timeout a call gets: --timeout, then the config's `timeout`, then the default. */
export function idleTimeout(context: ModelContext): number {
  return context.timeout ?? context.config?.timeout ?? MODEL_IDLE_TIMEOUT_SECONDS;
}

export { BUILT_IN_PROVIDERS };

// Providers load when a model needs them: offline runs (echo) never do, and each costs
// tens of milliseconds at start.
const require = createRequire(import.meta.url);
const openai = () => require('@ai-sdk/openai') as typeof import('@ai-sdk/openai');
const openaiCompatible = () => require('@ai-sdk/openai-compatible') as typeof import('@ai-sdk/openai-compatible');

/**
 * Loads the provider modules these model ids need, without making a model or reading a
 * key. The TUI calls it once its first screen is up, so the first generation does not
 * wait the ~70 ms the openai-compatible provider takes to load. Ids that are not valid
 * are left for `resolveModel` to report when they run.
 */
export function preloadProviders(modelIds: Iterable<string>, config?: ModelConfig | null): void {
  for (const modelId of modelIds) {
    let provider: string;
    try {
      ({ provider } = splitModelId(modelId));
    } catch {
      continue;
    }
    const setting = config?.providers?.[provider];
    if (setting !== undefined) {
      if (typeof setting === 'object' && 'type' in setting && setting.type === 'openai-compatible') openaiCompatible();
    } else if (provider === 'openai') openai();
  }
}

export function resolveModel(modelId: string, context: ModelContext = {}): LanguageModelV3 {
  const env = context.env ?? process.env;
  const { provider, model } = splitModelId(modelId);
  let store = context.store;
  // Opened only when needed, so `echo` works even when the settings file is unreadable.
  const stored = (key: string): unknown => (store ??= openStore(env)).get(key);

  const configured = context.config?.providers?.[provider];
  const fetch = timedFetch(idleTimeout(context));
  if (configured !== undefined) return fromSetting(provider, model, modelId, configured, stored, fetch);

  if (provider === 'echo') {
    if (model !== 'last' && model !== 'all') {
      throw new ModelError('config', `unknown echo model \`${modelId}\`: use \`echo\`, \`echo:last\` or \`echo:all\``, 'use `echo`, `echo:last` or `echo:all`');
    }
    return createEchoModel(model, { delayMs: echoDelayFromEnv(env), outputLimit: hostLimits(context.config?.limits).output });
  }

  if (provider === 'openai') return openAIModel(model, env, stored, fetch);

  const storedSetting = stored(`providers.${provider}`);
  if (storedSetting && typeof storedSetting === 'object') {
    return fromSetting(provider, model, modelId, { type: 'openai-compatible', ...storedSetting } as ProviderSetting, stored, fetch);
  }

  const hint = 'add it under `providers` in stepwise.config.ts';
  throw new ModelError(
    'config',
    `unknown model provider \`${provider}\` in \`${modelId}\`; built in: ${BUILT_IN_PROVIDERS.join(', ')}; ${hint}`,
    hint,
  );
}

function splitModelId(modelId: string): { provider: string; model: string } {
  const id = modelId.trim();
  if (id === 'echo') return { provider: 'echo', model: 'last' };
  const colon = id.indexOf(':');
  if (colon <= 0 || colon === id.length - 1) {
    const hint = 'write it as `provider:model`, e.g. `openai:gpt-4o`, or `echo` for an offline dry run';
    throw new ModelError('config', `model id \`${modelId}\` names no provider and model: ${hint}`, hint);
  }
  return { provider: id.slice(0, colon), model: id.slice(colon + 1) };
}

function openAIModel(model: string, env: NodeJS.ProcessEnv, stored: (key: string) => unknown, fetch: typeof globalThis.fetch): LanguageModelV3 {
  const apiKey = env.OPENAI_API_KEY || asString(stored('openai.apiKey'));
  rememberSecret(apiKey);
  if (!apiKey) {
    const hint = 'set OPENAI_API_KEY or run `stepwise config set openai.apiKey sk-...`';
    throw new ModelError('missing-key', `${NO_OPENAI_KEY}: ${hint}`, hint);
  }
  const baseURL = env.OPENAI_BASE_URL || asString(stored('openai.baseURL'));
  // The chat-completions endpoint, not the newer Responses API: it is the one every local
  // OpenAI-compatible server (Ollama, llama.cpp, vLLM, LM Studio) implements.
  return openai().createOpenAI({ apiKey, baseURL, fetch }).chat(model);
}

function fromSetting(
  provider: string,
  model: string,
  modelId: string,
  setting: ProviderSetting,
  stored: (key: string) => unknown,
  fetch: typeof globalThis.fetch,
): LanguageModelV3 {
  let result: unknown;
  if (typeof setting === 'function') result = setting(model);
  else if ('languageModel' in setting && typeof setting.languageModel === 'function') result = setting.languageModel(model);
  else if ('type' in setting && setting.type === 'openai-compatible') {
    if (typeof setting.baseURL !== 'string' || setting.baseURL === '') {
      const hint = `set \`baseURL\` for provider \`${provider}\`, e.g. \`http://127.0.0.1:11434/v1\``;
      throw new ModelError('config', `provider \`${provider}\` has no baseURL: ${hint}`, hint);
    }
    const apiKey = setting.apiKey ?? asString(stored(`providers.${provider}.apiKey`));
    rememberSecret(apiKey);
    rememberSecretHeaders(setting.headers);
    result = openaiCompatible().createOpenAICompatible({
      name: provider,
      baseURL: setting.baseURL,
      apiKey,
      headers: setting.headers,
      fetch,
      // Report token usage; the common local servers support `stream_options.include_usage`.
      includeUsage: true,
      // Send the JSON Schema as `response_format: json_schema` so GenObject is constrained;
      // Ollama, llama.cpp, vLLM and LM Studio all accept it.
      supportsStructuredOutputs: true,
    }).chatModel(model);
  } else {
    const hint = "use an AI SDK provider or `{ type: 'openai-compatible', baseURL }`";
    throw new ModelError('config', `provider \`${provider}\` in stepwise.config.ts is not a provider: ${hint}`, hint);
  }
  if (!result || typeof result !== 'object' || typeof (result as { doStream?: unknown }).doStream !== 'function') {
    const hint = `check provider \`${provider}\` in stepwise.config.ts`;
    throw new ModelError('config', `provider \`${provider}\` returned no language model for \`${modelId}\`: ${hint}`, hint);
  }
  return result as LanguageModelV3;
}

function openStore(env: NodeJS.ProcessEnv): KeyStore {
  try {
    return openKeyStore(env);
  } catch (error) {
    const message = errorText(error);
    const hint = 'fix or delete the settings file';
    throw new ModelError('config', `cannot read your stored stepwise settings: ${message}`, hint, { cause: error });
  }
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
