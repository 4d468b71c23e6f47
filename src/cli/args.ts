// Argument parsing for every command. node:util parseArgs does the splitting; we run it
// non-strict and validate the tokens ourselves so an unknown option can be named with a
// did-you-mean, which parseArgs's own errors cannot do.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { suggest } from '../compiler/suggest.js';

export interface RunArgs {
  file: string;
  model?: string;
  /** raw `name=value` strings, in order; the run command turns them into values */
  inputs: string[];
  inputsFile?: string;
  headless: boolean;
  json: boolean;
  out?: string;
  watch: boolean;
  /** start an empty session (the old ones stay on disk) */
  fresh: boolean;
  /** headless: continue the latest session (true) or the one in this folder */
  resume: boolean | string;
  /** seconds a model call may go without data (absent: the config's `timeout`, else 60) */
  timeout?: number;
  /** --no-tools: every tool call is refused (the model is told so) */
  noTools?: boolean;
}

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export const HELP_HINT = 'run `stepwise --help` to see the commands and options';

/** A usage error message: what is wrong, then where to look. */
export function usageError(message: string): string {
  return `${message}\n${HELP_HINT}`;
}

const RUN_OPTIONS: OptionSpec = {
  model: { type: 'string' },
  input: { type: 'string', multiple: true },
  inputs: { type: 'string' },
  headless: { type: 'boolean' },
  json: { type: 'boolean' },
  out: { type: 'string' },
  'no-watch': { type: 'boolean' },
  'no-tools': { type: 'boolean' },
  fresh: { type: 'boolean' },
  resume: { type: 'boolean' },
  'resume-dir': { type: 'string' },
  timeout: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

const VALUE_EXAMPLES: Record<string, string> = {
  model: '--model echo',
  input: '--input topic=cats',
  inputs: '--inputs inputs.json',
  out: '--out runs',
  timeout: '--timeout 120',
};

/** Parses `stepwise run`'s arguments (everything after `run`, or after `stepwise` for `stepwise FILE`). */
export function parseRunArgs(args: string[], isFolder: (path: string) => boolean = () => false): RunArgs | { error: string } {
  const parsed = parseCommandArgs(resumeFolder(args, isFolder), RUN_OPTIONS);
  if ('error' in parsed) return parsed;
  const { values, positionals } = parsed;
  if (positionals.length === 0) {
    return { error: usageError('missing FILE: write `stepwise run FILE`, e.g. `stepwise run workflow.mdx`') };
  }
  if (positionals.length > 1) {
    return {
      error: usageError(
        `run takes one FILE, got ${positionals.length}: ${positionals.map((p) => `\`${p}\``).join(', ')}`,
      ),
    };
  }
  const inputs = (values.input as string[] | undefined) ?? [];
  for (const input of inputs) {
    const eq = input.indexOf('=');
    if (eq <= 0) {
      const name = eq === 0 ? 'name' : input;
      return { error: usageError(`\`--input ${input}\` needs a name and a value: write \`--input ${name}=value\``) };
    }
  }
  if (typeof values.model === 'string' && values.model.trim() === '') {
    return { error: usageError(`\`--model\` needs a value, e.g. \`${VALUE_EXAMPLES.model}\``) };
  }
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(timeout > 0 && Number.isFinite(timeout))) {
    return { error: usageError(`\`--timeout ${values.timeout}\` needs a number of seconds greater than 0, e.g. \`--timeout 120\` or \`--timeout 0.5\``) };
  }
  return {
    file: positionals[0]!,
    model: values.model as string | undefined,
    inputs,
    inputsFile: values.inputs as string | undefined,
    headless: values.headless === true,
    json: values.json === true,
    out: values.out as string | undefined,
    watch: values['no-watch'] !== true,
    fresh: values.fresh === true,
    resume: (values['resume-dir'] as string | undefined) ?? values.resume === true,
    ...(timeout !== undefined ? { timeout } : {}),
    ...(values['no-tools'] === true ? { noTools: true } : {}),
  };
}

/** Whether a path (relative to `cwd`) is an existing folder: what `--resume DIR` takes. */
export function folderIn(cwd: string): (path: string) => boolean {
  return (path) => {
    try {
      return statSync(resolve(cwd, path)).isDirectory();
    } catch {
      return false;
    }
  };
}

/**
 * `--resume` takes an optional folder: `--resume=DIR`, or `--resume DIR` when DIR is a
 * folder (so `--resume workflow.mdx` still reads the FILE). Rewritten as `--resume-dir`.
 */
function resumeFolder(args: string[], isFolder: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return [...out, ...args.slice(i)];
    if (arg.startsWith('--resume=')) out.push(`--resume-dir=${arg.slice('--resume='.length)}`);
    else if (arg === '--resume' && args[i + 1] !== undefined && !args[i + 1]!.startsWith('-') && isFolder(args[i + 1]!)) out.push(`--resume-dir=${args[++i]}`);
    else out.push(arg);
  }
  return out;
}

/** Splits args by `options`; an unknown option, a missing value or a value given to a flag is an error message. */
export function parseCommandArgs(args: string[], options: OptionSpec): ParsedArgs | { error: string } {
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  const values: ParsedArgs['values'] = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (!spec) return { error: usageError(unknownOption(token.rawName, options)) };
    if (spec.type === 'boolean') {
      if (token.value !== undefined) {
        return { error: usageError(`\`${token.rawName}\` takes no value: write \`${token.rawName}\` alone`) };
      }
      values[token.name] = true;
      continue;
    }
    // Non-strict parseArgs lets `--model --json` take `--json` as the value; that is
    // almost always a forgotten value, so say so. A negative number (`--timeout -3`) is a value.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-') && !/^-\d/.test(token.value))) {
      const example = VALUE_EXAMPLES[token.name] ?? `--${token.name} VALUE`;
      return { error: usageError(`\`${token.rawName}\` needs a value, e.g. \`${example}\``) };
    }
    if (spec.multiple) values[token.name] = [...((values[token.name] as string[] | undefined) ?? []), token.value];
    else values[token.name] = token.value;
  }
  return { values, positionals };
}

function unknownOption(rawName: string, options: OptionSpec): string {
  const known = Object.entries(options).flatMap(([name, spec]) =>
    spec.short ? [`--${name}`, `-${spec.short}`] : [`--${name}`],
  );
  const guess = didYouMean(rawName, known);
  return `unknown option \`${rawName}\`${guess ? `; did you mean \`${guess}\`?` : ''}`;
}

/** The candidate closest to `word` when it is a likely typo; short words (`-x`) only match up to case. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (word.replace(/^-+/, '').length < 3) {
    return candidates.find((candidate) => candidate !== word && candidate.toLowerCase() === word.toLowerCase());
  }
  return suggest(word, candidates);
}
