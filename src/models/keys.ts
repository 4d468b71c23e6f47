// The user's own settings (API keys, extra providers), kept outside any project so keys
// never end up in a repository. Tests point STEPWISE_CONFIG_DIR at a temp folder.
import { join } from 'node:path';
import { settingsDir } from './settings-dir.js';
import { openSettingsStore, type SettingsStore } from './settings-store.js';

/** dotted keys (`openai.apiKey`, `providers.ollama.baseURL`); the keys stepwise reads are in settings-keys.ts */
export type KeyStore = SettingsStore;

/** Throws an Error naming the file when the settings file is not valid JSON. */
export function openKeyStore(env: NodeJS.ProcessEnv = process.env): KeyStore {
  return openSettingsStore(join(settingsDir(env), 'config.json'), { dotted: true });
}
