// Which model providers a run can use, for `check` to warn about the others before a run.
// Kept apart from registry.ts so `check` loads no provider code.
import type { ModelConfig } from './model-config.js';
import type { KnownProviders } from '../compiler/index.js';
import { openKeyStore } from './keys.js';

/** Providers stepwise knows without any setting; the user settings it reads are listed in settings-keys.ts. */
export const BUILT_IN_PROVIDERS = ['openai', 'echo'];

/**
 * Built in, then the config's `providers`, then the user's stored `providers.NAME`
 * settings (read only when a name is not among the others). A settings file that cannot
 * be read adds nothing here: the run reports it.
 */
export function knownProviders(config: ModelConfig | null | undefined, env: NodeJS.ProcessEnv): KnownProviders {
  const fixed = [...BUILT_IN_PROVIDERS, ...Object.keys(config?.providers ?? {})];
  let stored: string[] | undefined;
  const storedNames = (): string[] => (stored ??= readStoredProviders(env));
  return {
    has: (name) => fixed.includes(name) || storedNames().includes(name),
    names: () => [...new Set([...fixed, ...storedNames()])],
  };
}

function readStoredProviders(env: NodeJS.ProcessEnv): string[] {
  try {
    const providers = openKeyStore(env).get('providers');
    return providers && typeof providers === 'object' ? Object.keys(providers) : [];
  } catch {
    return [];
  }
}
