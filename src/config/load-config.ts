// Loads the project's stepwise.config.{ts,mts,js,mjs} (docs/language.md §10): the author's own
// trusted code, run in Node through jiti so TypeScript configs need no build step.
import { accessSync, constants, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StepwiseConfig } from './define.js';
import { limitsConfigProblem } from '../limits.js';
import { toolsConfigProblem } from '../tools/registry.js';

export interface LoadedConfig {
  config: StepwiseConfig | null;
  /** the file that was loaded, or null when there is none */
  file: string | null;
  /** what went wrong loading it, naming the file and how to fix it */
  error: string | null;
}

const NAMES = ['stepwise.config.ts', 'stepwise.config.mts', 'stepwise.config.js', 'stepwise.config.mjs'];

export async function loadProjectConfig(workflowDir: string, cwd: string = process.cwd()): Promise<LoadedConfig> {
  const file = findConfigFile([resolve(workflowDir), resolve(cwd)]);
  if (!file) return { config: null, file: null, error: null };
  let loaded: unknown;
  try {
    // loaded only when there is a config: most runs have none, and jiti costs start-up time
    const { createJiti } = await import('jiti');
    const jiti = createJiti(import.meta.url, {
      // Config files import from 'stepwise'; a workflow folder outside this project has
      // no node_modules/stepwise, so point the name at this very package.
      // zod too: actions need it for their schemas, and it must be the copy stepwise uses.
      alias: { stepwise: stepwiseEntry(), zod: zodFolder() },
      // Re-read on every load: the author edits the config while stepwise is running.
      moduleCache: false,
      // The transpiled config is kept on disk, keyed by its text: the next start skips
      // loading the transpiler (~120 ms before the first frame), and an edit is a new key.
      fsCache: transpileCacheDir(),
    });
    // evalModule rather than jiti.import: import() hands .js/.mjs files to Node's native
    // loader, whose cache never forgets, so an edited config would not be seen again.
    const module = await jiti.evalModule(readFileSync(file, 'utf8'), { filename: file, async: true, forceTranspile: true });
    loaded = interopDefault(module);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { config: null, file, error: `cannot load ${file}: ${message.split('\n')[0]}; fix the error in that file` };
  }
  const problem = shapeProblem(loaded);
  if (problem) return { config: null, file, error: `${file}: ${problem}` };
  return { config: loaded as StepwiseConfig, file, error: null };
}

/**
 * Per user, in the temp folder: a cache that may vanish at any time. False (no cache)
 * when the folder cannot be made and written: jiti spins forever on a cache folder it
 * cannot create.
 */
function transpileCacheDir(): string | false {
  const mine = join(tmpdir(), `stepwise-${process.getuid?.() ?? 'user'}`);
  const dir = join(mine, 'jiti');
  try {
    // one level at a time: a recursive mkdir can spin on some file systems too
    for (const folder of [mine, dir]) if (!existsSync(folder)) mkdirSync(folder, { mode: 0o700 });
    accessSync(dir, constants.W_OK);
    return dir;
  } catch {
    return false;
  }
}

function findConfigFile(dirs: string[]): string | null {
  for (const dir of new Set(dirs)) {
    for (const name of NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/** This package's public entry: the built one, or the sources when running from them (tests). */
export function stepwiseEntry(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const fromSource = import.meta.url.endsWith('.ts');
  // src/config -> root, or dist/src/config -> root
  const root = resolve(here, fromSource ? '../..' : '../../..');
  const candidates = fromSource ? [join(root, 'src/index.ts'), join(root, 'dist/src/index.js')] : [join(root, 'dist/src/index.js'), join(root, 'src/index.ts')];
  return candidates.find((path) => existsSync(path)) ?? candidates[0];
}

function zodFolder(): string {
  const entry = createRequire(import.meta.url).resolve('zod');
  return dirname(entry);
}

function interopDefault(module: unknown): unknown {
  if (module && typeof module === 'object' && 'default' in module) return (module as { default: unknown }).default;
  return module;
}

const EXAMPLE = "export default defineConfig({ actions: [...], providers: {...}, defaultModel: 'openai:gpt-4o' })";

function shapeProblem(value: unknown): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return `must default-export a config object: ${EXAMPLE}`;
  }
  const config = value as Record<string, unknown>;
  if (config.actions !== undefined) {
    if (!Array.isArray(config.actions)) return '`actions` must be a list of defineAction(...) results';
    for (const [i, action] of config.actions.entries()) {
      const a = action as Record<string, unknown> | null;
      if (!a || typeof a.name !== 'string' || !a.name || typeof a.execute !== 'function' || !a.schema) {
        return `actions[${i}] must be defineAction({ name, schema, execute }) with a name, a zod schema and an execute function`;
      }
    }
  }
  if (config.providers !== undefined) {
    if (!config.providers || typeof config.providers !== 'object' || Array.isArray(config.providers)) {
      return "`providers` must be an object by prefix, e.g. { ollama: { type: 'openai-compatible', baseURL: 'http://127.0.0.1:11434/v1' } }";
    }
    for (const [name, setting] of Object.entries(config.providers)) {
      const s = setting as Record<string, unknown> | null;
      const isProvider = typeof setting === 'function' || (s && typeof s === 'object' && typeof s.languageModel === 'function');
      const isCompatible = s && typeof s === 'object' && s.type === 'openai-compatible' && typeof s.baseURL === 'string';
      if (!isProvider && !isCompatible) {
        return `provider \`${name}\` must be an AI SDK provider or { type: 'openai-compatible', baseURL: 'http://...' }`;
      }
    }
  }
  if (config.defaultModel !== undefined && typeof config.defaultModel !== 'string') {
    return "`defaultModel` must be a model id string such as 'openai:gpt-4o'";
  }
  if (config.timeout !== undefined && !(typeof config.timeout === 'number' && config.timeout > 0 && Number.isFinite(config.timeout))) {
    return '`timeout` must be a number of seconds greater than 0, e.g. `timeout: 120`';
  }
  return toolsConfigProblem(config.tools) ?? limitsConfigProblem(config.limits);
}
