// The user's own settings (API keys, extra providers), kept outside any project so keys
// never end up in a repository. Tests point STEPWISE_CONFIG_DIR at a temp folder.
import type Conf from 'conf';
import { confClass } from './conf-class.js';

export interface KeyStore {
  /** dotted keys: `openai.apiKey`, `providers.ollama.baseURL` */
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  /** everything stored, nested as written */
  all(): Record<string, unknown>;
  /** the file the settings live in */
  readonly path: string;
}

/** Throws an Error naming the file when the settings file is not valid JSON. */
export function openKeyStore(env: NodeJS.ProcessEnv = process.env): KeyStore {
  let unreadable: string | null = null;
  const conf = new (confClass())<Record<string, unknown>>({
    projectName: 'stepwise',
    cwd: env.STEPWISE_CONFIG_DIR || undefined,
    // The file holds API keys: readable by its owner only.
    configFileMode: 0o600,
    // conf's own parse error does not say which file is broken; note it and report it below.
    deserialize(text) {
      try {
        return JSON.parse(text) as Record<string, unknown>;
      } catch (error) {
        unreadable = error instanceof Error ? error.message : String(error);
        return {};
      }
    },
  });
  if (unreadable !== null) {
    throw new Error(`${conf.path} is not valid JSON (${unreadable}): fix it or delete it to start over`);
  }
  return {
    path: conf.path,
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
    delete(key) {
      conf.delete(key);
      removeEmptyParents(conf, key);
    },
    all: () => structuredClone(conf.store),
  };
}

// `unset providers.ollama.baseURL` should not leave `providers: { ollama: {} }` behind.
function removeEmptyParents(conf: Conf<Record<string, unknown>>, key: string): void {
  const segments = key.split('.');
  for (let depth = segments.length - 1; depth > 0; depth--) {
    const parent = segments.slice(0, depth).join('.');
    const value = conf.get(parent);
    if (!value || typeof value !== 'object' || Array.isArray(value) || Object.keys(value).length > 0) return;
    conf.delete(parent);
  }
}
