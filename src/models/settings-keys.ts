// The keys stepwise reads from the user's settings (see registry.ts), so `stepwise config`
// can refuse a typo instead of storing a setting nothing reads, and list them in its help.
import { suggest } from '../compiler/suggest.js';
import { isTree } from './key-path.js';
import { BUILT_IN_PROVIDERS } from './registry.js';

export interface SettingsKey {
  /** dotted; a segment in capitals stands for any name of the user's (NAME, HEADER) */
  key: string;
  description: string;
}

export const SETTINGS_KEYS: readonly SettingsKey[] = [
  { key: 'openai.apiKey', description: 'API key for openai:MODEL models (OPENAI_API_KEY wins when set)' },
  { key: 'openai.baseURL', description: 'endpoint for openai:MODEL models (OPENAI_BASE_URL wins when set)' },
  { key: 'providers.NAME.baseURL', description: 'server for NAME:MODEL models, e.g. http://127.0.0.1:11434/v1' },
  { key: 'providers.NAME.apiKey', description: 'the API key sent to that server' },
  { key: 'providers.NAME.headers', description: 'extra HTTP headers sent to it, as JSON: {"x-team":"docs"}' },
  { key: 'providers.NAME.headers.HEADER', description: 'one of those headers' },
  { key: 'providers.NAME.type', description: 'openai-compatible, the only kind and the default' },
];

// Built-in providers are never looked up under `providers.`, so `providers.openai.apiKey` is no setting.
const PLACEHOLDERS: Record<string, (segment: string) => boolean> = {
  NAME: (segment) => !BUILT_IN_PROVIDERS.includes(segment),
  HEADER: () => true,
};

function matches(pattern: string, key: string, asGroup: boolean): boolean {
  const wanted = pattern.split('.');
  const given = key.split('.');
  if (asGroup ? given.length >= wanted.length : given.length !== wanted.length) return false;
  return given.every((segment, i) => {
    const placeholder = PLACEHOLDERS[wanted[i]!];
    return placeholder ? placeholder(segment) : segment === wanted[i];
  });
}

/** True for a key stepwise reads (`openai.apiKey`, `providers.ollama.baseURL`). */
export function isSettingsKey(key: string): boolean {
  return SETTINGS_KEYS.some((entry) => matches(entry.key, key, false));
}

/** True for a group that holds settings keys (`openai`, `providers`, `providers.ollama`). */
export function isSettingsGroup(key: string): boolean {
  return SETTINGS_KEYS.some((entry) => matches(entry.key, key, true));
}

/**
 * The first key that `value`, stored at `key`, would add and stepwise does not read, or
 * undefined when all are known. An object stored at a group is checked key by key.
 */
export function unknownSettingsKey(key: string, value: unknown): string | undefined {
  if (isSettingsKey(key)) return undefined;
  if (!isSettingsGroup(key) || !isTree(value)) return key;
  for (const [name, inner] of Object.entries(value)) {
    const unknown = unknownSettingsKey(`${key}.${name}`, inner);
    if (unknown !== undefined) return unknown;
  }
  return undefined;
}

/** The known key closest to `key`, its NAME and HEADER filled in from `key` itself. */
export function suggestSettingsKey(key: string): string | undefined {
  const given = key.split('.');
  const candidates = SETTINGS_KEYS.map((entry) =>
    entry.key
      .split('.')
      .map((segment, i) => (PLACEHOLDERS[segment] && given[i] !== undefined ? given[i] : segment))
      .join('.'),
  );
  return suggest(key, candidates.filter(isSettingsKey));
}

/** What each kind of setting must hold, as the registry reads it; undefined when `value` will do. */
const VALUE_RULES: Record<string, (key: string, value: unknown) => string | undefined> = {
  'openai.baseURL': urlProblem,
  'providers.NAME.baseURL': urlProblem,
  'providers.NAME.type': (key, value) =>
    value === 'openai-compatible' ? undefined : `\`${key}\` cannot be \`${display(value)}\`: the only type is \`openai-compatible\` (the default, so it can be left out)`,
  'providers.NAME.headers': (key, value) =>
    isTree(value) ? undefined : `\`${key}\` must be a JSON object of header names and values, e.g. {"x-team":"docs"}`,
};

function urlProblem(key: string, value: unknown): string | undefined {
  if (typeof value === 'string' && /^https?:\/\/[^/\s]/i.test(value)) return undefined;
  return `\`${key}\` must be an http:// or https:// URL, e.g. http://127.0.0.1:11434/v1; got \`${display(value)}\``;
}

function display(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Why `value` stored at `key` could not be used (a provider type stepwise does not have, a
 * baseURL that is no URL), or undefined. An object stored at a group is checked key by key.
 */
export function settingsValueProblem(key: string, value: unknown): string | undefined {
  const entry = SETTINGS_KEYS.find((known) => matches(known.key, key, false));
  if (entry) return VALUE_RULES[entry.key]?.(key, value);
  if (!isTree(value)) return undefined;
  for (const [name, inner] of Object.entries(value)) {
    const problem = settingsValueProblem(`${key}.${name}`, inner);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
