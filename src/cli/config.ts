// `stepwise config get|set|unset|list [KEY] [VALUE]`: the user's stored settings
// (API keys, extra providers), kept outside any project.
import { maskSecret, maskSecrets } from '../models/mask-secrets.js';
import { openKeyStore, type KeyStore } from '../models/keys.js';

export interface ConfigIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env?: NodeJS.ProcessEnv;
}

const USAGE = `usage: stepwise config get KEY
       stepwise config set KEY VALUE     (VALUE is parsed as JSON when it is valid JSON)
       stepwise config unset KEY
       stepwise config list
keys are dotted, e.g. openai.apiKey, openai.baseURL, providers.ollama.baseURL
`;

const SECRET_NAME = /key|token|secret|password/i;

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

  let store: KeyStore;
  try {
    store = openKeyStore(io.env ?? process.env);
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
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
      const value = parseValue(rest[0]);
      store.set(key, value);
      const last = key.split('.').at(-1) ?? key;
      const shown = SECRET_NAME.test(last) && typeof value === 'string' ? maskSecret(value) : format(value);
      io.stdout(`set ${key} = ${shown}\n`);
      return 0;
    }
    case 'unset': {
      if (store.get(key) === undefined) {
        io.stderr(`\`${key}\` is not set; nothing to unset (see \`stepwise config list\`)\n`);
        return 1;
      }
      store.delete(key);
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
