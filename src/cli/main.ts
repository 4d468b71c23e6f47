// The command line entry: pick a command and hand over. Each command's module is
// imported only when it runs, so `--version`, `--help` and `check` start without
// loading Ink, React or the model SDKs.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { didYouMean, parseRunArgs, usageError } from './args.js';
import { processIO, type CliIO } from './io.js';

export type { CliIO } from './io.js';

const COMMANDS = ['run', 'check', 'config', 'init', 'help'];
const TOP_LEVEL_OPTIONS = ['--help', '-h', '--version', '-v'];
const RUN_OPTIONS = ['--model', '--input', '--inputs', '--headless', '--json', '--out', '--no-watch'];

export const USAGE = `stepwise: write, run and step through Markdown/MDX LLM workflows

Usage:
  stepwise FILE [options]               open the TUI on FILE (same as \`stepwise run FILE\`)
  stepwise run FILE [options]
  stepwise check FILE... [--json]       compile only; print diagnostics
  stepwise config get|set|unset|list [KEY] [VALUE]
  stepwise init [FILE]                  write a commented starter workflow
  stepwise --help | --version

Run options:
  --model ID            use this model for every action (\`--model echo\` runs offline)
  --input name=value    set an input (repeatable; arrays by repeating the name or as a JSON array)
  --inputs FILE         read inputs from a JSON or YAML file
  --headless            no TUI; also chosen automatically when stdout or stdin is not a TTY
  --json                headless: print one JSON document at the end
  --out DIR             save runs under DIR instead of next to the workflow
  --no-watch            do not recompile when the file changes

Exit codes: 0 success; 1 the workflow failed at run time;
            2 usage error, compile error, or a missing/invalid input.

Examples:
  stepwise init                              write workflow.mdx to start from
  stepwise workflow.mdx                      open it in the TUI
  stepwise check examples/*.mdx              compile the examples and list problems
  stepwise run examples/poem.mdx --headless --model echo --input topic=rain
  stepwise config set KEY VALUE              store a setting, e.g. an API key
`;

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(`${usageError('missing FILE or command: e.g. `stepwise workflow.mdx` or `stepwise init`')}\n`);
    return 2;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${readVersion()}\n`);
    return 0;
  }
  if (first === 'check') {
    if (wantsHelp(rest)) return help(io);
    const { runCheckCommand } = await import('./check.js');
    return runCheckCommand(rest, io);
  }
  if (first === 'init') {
    if (wantsHelp(rest)) return help(io);
    const { runInitCommand } = await import('./init.js');
    return runInitCommand(rest, io);
  }
  if (first === 'config') {
    if (wantsHelp(rest)) return help(io);
    const { runConfigCommand } = await import('./config.js');
    return runConfigCommand(rest, { stdout: io.stdout, stderr: io.stderr, env: io.env });
  }
  if (first === 'run') return run(rest, io);
  if (first.startsWith('-')) {
    // Run options may come before the FILE (`stepwise --model echo x.mdx`); anything else is a typo.
    if (isRunOption(first)) return run(argv, io);
    const guess = didYouMean(first.split('=')[0]!, [...TOP_LEVEL_OPTIONS, ...RUN_OPTIONS]);
    io.stderr(`${usageError(`unknown option \`${first}\`${guess ? `; did you mean \`${guess}\`?` : ''}`)}\n`);
    return 2;
  }
  if (!looksLikeFile(first, io.cwd)) {
    const guess = didYouMean(first, COMMANDS);
    const hint = guess ? `; did you mean \`stepwise ${guess}\`?` : ': give a workflow FILE (.md or .mdx) or a command';
    io.stderr(`${usageError(`unknown command \`${first}\`${hint}`)}\n`);
    return 2;
  }
  return run(argv, io);
}

async function run(args: string[], io: CliIO): Promise<number> {
  if (wantsHelp(args)) return help(io);
  const parsed = parseRunArgs(args);
  if ('error' in parsed) {
    io.stderr(`${parsed.error}\n`);
    return 2;
  }
  const path = resolve(io.cwd, parsed.file);
  if (!existsSync(path)) {
    io.stderr(`no such file: ${parsed.file}\n`);
    return 2;
  }
  if (statSync(path).isDirectory()) {
    io.stderr(`${parsed.file} is a folder: give the path of a .md or .mdx file\n`);
    return 2;
  }
  const { runCommand } = await import('./run.js');
  return runCommand(args, io);
}

function help(io: CliIO): number {
  io.stdout(USAGE);
  return 0;
}

function wantsHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

function isRunOption(arg: string): boolean {
  return RUN_OPTIONS.includes(arg.split('=')[0]!);
}

/** A first argument that is not a command is a FILE when it exists or looks like a path. */
function looksLikeFile(arg: string, cwd: string): boolean {
  if (existsSync(resolve(cwd, arg))) return true;
  return arg.includes('/') || arg.includes('\\') || extname(arg) !== '';
}

/** The version from package.json, found by walking up from this module (works from src/ and dist/src/). */
function readVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'stepwise' && pkg.version) return pkg.version;
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}
