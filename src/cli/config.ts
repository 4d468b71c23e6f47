// `stepwise config get|set|unset|list [KEY] [VALUE]`: the user's stored settings
// (API keys, extra providers), kept outside any project.
import { maskSecret, maskSecrets, SECRET_NAME } from '../models/mask-secrets.js';
import { dirname } from 'node:path';
import { openKeyStore, type KeyStore } from '../models/keys.js';
import { isSettingsGroup, isSettingsKey, SETTINGS_KEYS, settingsValueProblem, suggestSettingsKey, unknownSettingsKey } from '../models/settings-keys.js';

export interface ConfigIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env?: NodeJS.ProcessEnv;
}

const USAGE = `Usage: stepwise config get KEY
       stepwise config set KEY VALUE     (VALUE is parsed as JSON when it is valid JSON)
       stepwise config unset KEY
       stepwise config list
the keys stepwise reads: \`stepwise config --help\`
`;

const KEY_WIDTH = Math.max(...SETTINGS_KEYS.map((entry) => entry.key.length)) + 2;

/** What `stepwise config --help` prints; the keys come from SETTINGS_KEYS so the two never disagree. */
export const CONFIG_HELP = `stepwise config: the settings stepwise keeps for you (API keys, extra providers), outside any project

Usage: stepwise config get KEY
       stepwise config set KEY VALUE
       stepwise config unset KEY
       stepwise config list

  get KEY          print one setting; a group (e.g. \`openai\`) is listed, secrets masked
  set KEY VALUE    store a setting; VALUE is read as JSON when it is valid JSON, else as text
  unset KEY        remove a setting, and any group it leaves empty
  list             print every stored setting, secrets masked

keys (NAME: an OpenAI-compatible provider of your own; HEADER: an HTTP header name):
${SETTINGS_KEYS.map((entry) => `  ${entry.key.padEnd(KEY_WIDTH)}${entry.description}`).join('\n')}

where: config.json in $STEPWISE_CONFIG_DIR when it is set; else in $XDG_CONFIG_HOME/stepwise
when XDG_CONFIG_HOME is an absolute path; else in ~/.config/stepwise (%APPDATA%\\stepwise on
Windows). Only you can read it. Settings kept by older versions (stepwise-nodejs) move there
the first time they are needed.

example:
  stepwise config set providers.ollama.baseURL http://127.0.0.1:11434/v1
  stepwise examples/poem.mdx --model ollama:llama3.2
`;

/** Returns the exit code: 0 done, 1 the key is not set / the store is unreadable, 2 usage error. */
export function runConfigCommand(args: string[], io: ConfigIO): number {
  const [command, key, ...rest] = args;
  const arity: Record<string, number> = { get: 1, set: 2, unset: 1, list: 0 };
  if (!command || !(command in arity) || (command === 'set' ? rest.length !== 1 : rest.length > 0) || (arity[command] > 0) !== (key !== undefined)) {
    io.stderr(command && !(command in arity) ? `unknown config command \`${command}\`\n${USAGE}` : USAGE);
    return 2;
  }
  if (key !== undefined && !/^[^.\s]+(\.[^.\s]+)*$/.test(key)) {
    io.stderr(`\`${key}\` is not a settings key: use dotted names such as openai.apiKey\n`);
    return 2;
  }

  // the value `set` stores, read once
  const newValue = command === 'set' ? parseValue(rest[0]!) : undefined;
  // Checked before the store is opened: a refused key writes nothing, not even the folder.
  if (command === 'set') {
    const unknown = unknownSettingsKey(key, newValue);
    if (unknown !== undefined) {
      io.stderr(unknownKeyMessage(unknown));
      return 2;
    }
    const problem = settingsValueProblem(key, newValue);
    if (problem !== undefined) {
      io.stderr(`${problem}\n`);
      return 2;
    }
  }

  let store: KeyStore;
  try {
    store = openKeyStore(io.env ?? process.env);
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }

  // get and unset also take a key stepwise does not read, as long as it is stored: that is
  // how an old or mistyped entry is looked at and cleaned away.
  if ((command === 'get' || command === 'unset') && !isSettingsKey(key) && !isSettingsGroup(key) && store.get(key) === undefined) {
    io.stderr(unknownKeyMessage(key));
    return 2;
  }

  switch (command) {
    case 'get': {
      const value = store.get(key);
      if (value === undefined) {
        io.stderr(`\`${key}\` is not set; set it with \`stepwise config set ${key} VALUE\`\n`);
        return 1;
      }
      // A single value is printed whole (asking for a key by name is asking to see it);
      // a group is listed like `list`, secrets masked.
      if (value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [name, shown] of maskSecrets(value as Record<string, unknown>, key)) io.stdout(`${name} = ${format(shown)}\n`);
      } else {
        io.stdout(`${format(value)}\n`);
      }
      return 0;
    }
    case 'set': {
      const failed = saving(store, io, () => store.set(key, newValue));
      if (failed) return failed;
      const last = key.split('.').at(-1) ?? key;
      const shown = SECRET_NAME.test(last) && typeof newValue === 'string' ? maskSecret(newValue) : format(newValue);
      io.stdout(`set ${key} = ${shown}\n`);
      return 0;
    }
    case 'unset': {
      if (store.get(key) === undefined) {
        io.stderr(`\`${key}\` is not set; nothing to unset (see \`stepwise config list\`)\n`);
        return 1;
      }
      const failed = saving(store, io, () => store.delete(key));
      if (failed) return failed;
      io.stdout(`unset ${key}\n`);
      return 0;
    }
    default: {
      const rows = maskSecrets(store.all());
      if (rows.length === 0) io.stdout(`nothing stored yet (${store.path}); try \`stepwise config set openai.apiKey sk-...\`\n`);
      for (const [name, value] of rows) io.stdout(`${name} = ${format(value)}\n`);
      return 0;
    }
  }
}

/** Runs a change that writes the settings file; a folder or file that cannot be written is exit 1, said plainly. */
function saving(store: KeyStore, io: ConfigIO, change: () => void): number {
  try {
    change();
    return 0;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`cannot save your settings in ${dirname(store.path)}: ${reason}; set STEPWISE_CONFIG_DIR to a folder you can write\n`);
    return 1;
  }
}

function unknownKeyMessage(key: string): string {
  const pointer = 'see `stepwise config --help` for the keys stepwise reads\n';
  if (isSettingsGroup(key)) return `\`${key}\` is a group of settings, not one: set a key inside it\n${pointer}`;
  const guess = suggestSettingsKey(key);
  return `unknown settings key \`${key}\`${guess ? `; did you mean \`${guess}\`?` : ''}\n${pointer}`;
}

/** JSON when it parses (`8080`, `true`, `{"a":1}`), otherwise the text as given. */
function parseValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function format(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
