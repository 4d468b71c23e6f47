// The inputs used last time, per workflow file, so the form opens prefilled. Kept with the
// user's settings (outside any project), never throwing: a broken store just means an empty form.
import { join, resolve } from 'node:path';
import { isTree } from '../src/models/key-path.js';
import { settingsDir } from '../src/models/settings-dir.js';
import { openSettingsStore, type SettingsStore } from '../src/models/settings-store.js';
import { isImageValue } from '../src/runtime/image.js';

function openStore(env: NodeJS.ProcessEnv): SettingsStore {
  // Keys are file paths, which contain dots; inputs can hold private text (emails, notes),
  // so the file is the owner's only, like every settings file.
  return openSettingsStore(join(settingsDir(env), 'inputs.json'), { dotted: false, ifBroken: 'start-over' });
}

/** The values remembered for this workflow file, or {} when none (or the store is unreadable). */
export function loadRememberedInputs(file: string, env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  try {
    const values = openStore(env).get(resolve(file));
    return isTree(values) ? values : {};
  } catch {
    return {};
  }
}

/**
 * Remembers what the user typed for this workflow file. An image (a file input's value after
 * reading) is stored as its path, never its bytes. Failing to save is not worth stopping a run for.
 */
export function saveRememberedInputs(file: string, values: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): void {
  const stored: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    stored[name] = isImageValue(value) ? value.path : value;
  }
  try {
    openStore(env).set(resolve(file), stored);
  } catch {
    // a read-only or broken settings folder: the form just will not be prefilled next time
  }
}
