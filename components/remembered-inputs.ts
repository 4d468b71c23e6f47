// The inputs used last time, per workflow file, so the form opens prefilled. Kept with the
// user's settings (outside any project), never throwing: a broken store just means an empty form.
import { resolve } from 'node:path';
import type Conf from 'conf';
import { confClass } from '../src/models/conf-class.js';
import { isImageValue } from '../src/runtime/image.js';

function openStore(): Conf<Record<string, unknown>> {
  return new (confClass())<Record<string, unknown>>({
    projectName: 'stepwise',
    configName: 'inputs',
    cwd: process.env.STEPWISE_CONFIG_DIR || undefined,
    // Inputs can hold private text (emails, notes): readable by the owner only.
    configFileMode: 0o600,
    // Keys are file paths, which contain dots.
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: true,
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The values remembered for this workflow file, or {} when none (or the store is unreadable). */
export function loadRememberedInputs(file: string): Record<string, unknown> {
  try {
    const values = openStore().get(resolve(file));
    return isPlainObject(values) ? values : {};
  } catch {
    return {};
  }
}

/**
 * Remembers what the user typed for this workflow file. An image (a file input's value after
 * reading) is stored as its path, never its bytes. Failing to save is not worth stopping a run for.
 */
export function saveRememberedInputs(file: string, values: Record<string, unknown>): void {
  const stored: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) continue;
    stored[name] = isImageValue(value) ? value.path : value;
  }
  try {
    openStore().set(resolve(file), stored);
  } catch {
    // a read-only or broken settings folder: the form just will not be prefilled next time
  }
}
