// The command line entry: pick a command and hand over. Each command's module is
// imported only when it runs, so `--version`, `--help` and `check` start without
// loading Ink, React or the model SDKs.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { didYouMean, folderIn, parseRunArgs, usageError } from './args.js';
import { processIO, type CliIO } from './io.js';
import { COMMAND_NAMES, RUN_OPTIONS, findCommand } from './commands.js';
import { commandHelp, globalHelp } from './help.js';

export type { CliIO } from './io.js';

const TOP_LEVEL_OPTIONS = ['--help', '-h', '--version', '-v'];
const RUN_OPTION_NAMES = RUN_OPTIONS.map((option) => option.name);

/** Each command's module, imported only when it runs. */
const COMMAND_RUNNERS: Record<string, (args: string[], io: CliIO) => Promise<number>> = {
  check: async (args, io) => (await import('./check.js')).runCheckCommand(args, io),
  init: async (args, io) => (await import('./init.js')).runInitCommand(args, io),
  config: async (args, io) => (await import('./config.js')).runConfigCommand(args, { stdout: io.stdout, stderr: io.stderr, env: io.env }),
  runs: async (args, io) => (await import('./runs.js')).runRunsCommand(args, io),
  list: async (args, io) => (await import('./list.js')).runListCommand(args, io),
  completion: async (args, io) => (await import('./completion.js')).runCompletionCommand(args, io),
};

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(`${usageError('missing FILE or command: e.g. `stepwise workflow.mdx` or `stepwise init`')}\n`);
    return 2;
  }
  if (first === '--help' || first === '-h') {
    io.stdout(globalHelp());
    return 0;
  }
  if (first === 'help') return helpCommand(rest, io);
  if (first === '--version' || first === '-v') {
    io.stdout(`${readVersion()}\n`);
    return 0;
  }
  if (first !== 'run' && COMMAND_NAMES.includes(first) && wantsHelp(rest)) return help(first, io);
  const command = Object.hasOwn(COMMAND_RUNNERS, first) ? COMMAND_RUNNERS[first] : undefined;
  if (command) return command(rest, io);
  if (first === 'run') return run(rest, io);
  if (first.startsWith('-')) {
    // Run options may come before the FILE (`stepwise --model echo x.mdx`); anything else is a typo.
    if (isRunOption(first)) return run(argv, io);
    const guess = didYouMean(first.split('=')[0]!, [...TOP_LEVEL_OPTIONS, ...RUN_OPTION_NAMES]);
    io.stderr(`${usageError(`unknown option \`${first}\`${guess ? `; did you mean \`${guess}\`?` : ''}`)}\n`);
    return 2;
  }
  if (!looksLikeFile(first, io.cwd)) {
    const guess = didYouMean(first, COMMAND_NAMES);
    const hint = guess ? `; did you mean \`stepwise ${guess}\`?` : ': give a workflow FILE (.md or .mdx) or a command';
    io.stderr(`${usageError(`unknown command \`${first}\`${hint}`)}\n`);
    return 2;
  }
  return run(argv, io);
}

async function run(args: string[], io: CliIO): Promise<number> {
  if (wantsHelp(args)) return help('run', io);
  const parsed = parseRunArgs(args, folderIn(io.cwd));
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

async function help(name: string, io: CliIO): Promise<number> {
  // config's help lists the settings keys, from the config command's own table
  io.stdout(name === 'config' ? (await import('./config.js')).CONFIG_HELP : commandHelp(findCommand(name)!));
  return 0;
}

/** `stepwise help [COMMAND]` */
function helpCommand(args: string[], io: CliIO): Promise<number> | number {
  const [name, ...extra] = args;
  if (name === '--help' || name === '-h') return help('help', io);
  if (name === undefined) {
    io.stdout(globalHelp());
    return 0;
  }
  if (extra.length || !findCommand(name)) {
    const guess = extra.length ? undefined : didYouMean(name, COMMAND_NAMES);
    const said = extra.length ? 'help takes one COMMAND' : `unknown command \`${name}\`${guess ? `; did you mean \`${guess}\`?` : ''}`;
    io.stderr(`${usageError(`${said} (the commands: ${COMMAND_NAMES.join(', ')})`)}\n`);
    return 2;
  }
  return help(name, io);
}

function wantsHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

function isRunOption(arg: string): boolean {
  return RUN_OPTION_NAMES.includes(arg.split('=')[0]!);
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
