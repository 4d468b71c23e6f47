// One JSON file of the user's settings, read once when opened and written whole on every
// change. Deliberately plain: no process signal or exit hooks (those belong to the CLI's
// single exit owner), and nothing loaded beyond node:fs.
import { readFileSync } from 'node:fs';
import { deleteAt, getAt, isTree, setAt, type Tree } from './key-path.js';
import { writePrivateFile } from './write-private-file.js';

export interface SettingsStore {
  /** dotted keys when the store is dotted: `openai.apiKey`, `providers.ollama.baseURL` */
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  /** also removes the groups the removal leaves empty */
  delete(key: string): void;
  /** everything stored, nested as written */
  all(): Record<string, unknown>;
  /** the file the settings live in */
  readonly path: string;
}

export interface SettingsStoreOptions {
  /** true: `a.b.c` names a nested value; false: each key is one name (file paths contain dots) */
  dotted: boolean;
  /** a file that is not a JSON object: throw an Error naming it (the default), or start over empty */
  ifBroken?: 'throw' | 'start-over';
}

export function openSettingsStore(path: string, options: SettingsStoreOptions): SettingsStore {
  const data = readSettings(path, options.ifBroken ?? 'throw');
  const keysOf = (key: string) => (options.dotted ? key.split('.') : [key]);
  const save = () => writePrivateFile(path, `${JSON.stringify(data, null, '\t')}\n`);
  const remove = (key: string) => {
    if (getAt(data, keysOf(key)) === undefined) return;
    deleteAt(data, keysOf(key));
    save();
  };
  return {
    path,
    get: (key) => structuredClone(getAt(data, keysOf(key))),
    set(key, value) {
      if (value === undefined) return remove(key);
      setAt(data, keysOf(key), structuredClone(value));
      save();
    },
    delete: remove,
    all: () => structuredClone(data),
  };
}

function readSettings(path: string, ifBroken: 'throw' | 'start-over'): Tree {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  // an empty file is what an interrupted non-atomic writer leaves: nothing stored yet
  if (text.trim() === '') return {};
  let problem: string;
  try {
    const parsed: unknown = JSON.parse(text);
    if (isTree(parsed)) return parsed;
    problem = `${path} holds ${Array.isArray(parsed) ? 'a list' : JSON.stringify(parsed)}, not an object of settings`;
  } catch (error) {
    problem = `${path} is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (ifBroken === 'start-over') return {};
  throw new Error(`${problem}: fix it or delete it to start over`);
}
