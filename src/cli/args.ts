// Argument parsing for every command. node:util parseArgs does the splitting; we run it
// non-strict and validate the tokens ourselves so an unknown option can be named with a
// did-you-mean, which parseArgs's own errors cannot do.
import { parseArgs } from 'node:util';

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
  help: { type: 'boolean', short: 'h' },
};

const VALUE_EXAMPLES: Record<string, string> = {
  model: '--model echo',
  input: '--input topic=cats',
  inputs: '--inputs inputs.json',
  out: '--out runs',
};

/** Parses `stepwise run`'s arguments (everything after `run`, or after `stepwise` for `stepwise FILE`). */
export function parseRunArgs(args: string[]): RunArgs | { error: string } {
  const parsed = parseCommandArgs(args, RUN_OPTIONS);
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
  return {
    file: positionals[0]!,
    model: values.model as string | undefined,
    inputs,
    inputsFile: values.inputs as string | undefined,
    headless: values.headless === true,
    json: values.json === true,
    out: values.out as string | undefined,
    watch: values['no-watch'] !== true,
  };
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
    // almost always a forgotten value, so say so.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) {
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

/** The candidate closest to `word` by edit distance, when it is close enough to be a likely typo. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // Short words are only matched up to case: `-x` is not a typo of `-h`.
  const length = word.replace(/^-+/, '').length;
  const allowed = length < 3 ? 0 : Math.max(1, Math.floor(length / 3));
  return bestDistance <= allowed ? best : undefined;
}

// Optimal string alignment distance: like Levenshtein, but a swap of two neighbouring
// letters (`--modle`) counts as one edit, since that is the commonest typo.
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
