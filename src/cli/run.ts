// `stepwise run FILE`: compile, gather inputs, then the TUI, or the headless front end
// when asked for or when there is no terminal (docs/cli.md §1, §5).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { CliIO } from './io.js';
import { stderrColorEnabled } from './io.js';
import { folderIn, parseRunArgs, usageError, type RunArgs } from './args.js';
import { formatDiagnostics, plural } from '../compiler/format-diagnostics.js';
import { palette } from './paint.js';
import { compile } from '../compiler/index.js';
import { modelIdProblem } from '../compiler/model-ids.js';
import { runWarnings } from '../compiler/run-warnings.js';
import { knownProviders } from '../models/provider-names.js';
import type { CompileResult, Diagnostic, Workflow } from '../compiler/types.js';
import { loadProjectConfig } from '../config/load-config.js';
import { customActionSpecs } from '../actions/specs.js';
import { toolNames } from '../tools/registry.js';
import { parseInputPairs, resolveInputs } from '../runtime/inputs.js';
import { openSession } from './open-session.js';
import { onExit } from './exit.js';
import type { StepwiseConfig } from '../config/define.js';

export interface PreparedRun {
  args: RunArgs;
  file: string;
  text: string;
  workflow: Workflow;
  config: StepwiseConfig | null;
  /** inputs given on the command line or defaulted, already typed */
  given: Record<string, unknown>;
  /** required inputs nobody gave */
  missing: string[];
  /** the inputs given on the command line (--input, --inputs), typed */
  explicit: Record<string, unknown>;
  /** the compile warnings of the file at start: the run goes on, but the author should see them */
  warnings: Diagnostic[];
}

/** A file that does not compile, kept for the TUI to show while it waits for a good save. */
export interface BrokenFile {
  args: RunArgs;
  file: string;
  text: string;
  diagnostics: Diagnostic[];
  compile: (text: string) => CompileResult;
}

/**
 * Everything before the run starts; a usage, compile or input problem returns its exit code.
 * A compile problem is returned as a BrokenFile instead when `keepBroken` says so (the TUI).
 */
export async function prepareRun(args: string[], io: CliIO, options: { keepBroken?: (args: RunArgs) => boolean } = {}): Promise<PreparedRun | BrokenFile | number> {
  const parsed = parseRunArgs(args, folderIn(io.cwd));
  if ('error' in parsed) {
    io.stderr(`${parsed.error}\n`);
    return 2;
  }
  if (parsed.out !== undefined && isFile(resolve(io.cwd, parsed.out))) {
    io.stderr(`${usageError(`\`--out ${parsed.out}\` is a file: give a folder to save the runs in (it is made when missing)`)}\n`);
    return 2;
  }
  const file = resolve(io.cwd, parsed.file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    io.stderr(`cannot read ${parsed.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return 2;
  }
  const loaded = await loadProjectConfig(dirname(file), io.cwd);
  if (loaded.error) {
    io.stderr(`${loaded.error}\n`);
    return 2;
  }
  // a mistyped --model is a command-line mistake: refused before anything runs or is saved
  const modelProblem = parsed.model === undefined ? null : modelIdProblem(parsed.model, knownProviders(loaded.config, io.env));
  if (modelProblem) {
    io.stderr(`${usageError(`\`--model ${parsed.model}\`: ${modelProblem.message}`)}\n`);
    return 2;
  }
  const actions = customActionSpecs(loaded.config);
  const tools = toolNames(loaded.config);
  const result = compile(text, file, { actions, tools });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !result.workflow) {
    if (options.keepBroken?.(parsed)) return { args: parsed, file, text, diagnostics: errors, compile: (next) => compile(next, file, { actions, tools }) };
    reportCompileErrors(io, parsed.file, text, errors, dirname(file));
    return 2;
  }
  const raw: Record<string, unknown> = {};
  if (parsed.inputsFile) {
    try {
      const values = parseYaml(readFileSync(resolve(io.cwd, parsed.inputsFile), 'utf8'));
      if (typeof values !== 'object' || values === null || Array.isArray(values)) throw new Error('it must hold a map of input names to values');
      Object.assign(raw, values);
    } catch (error) {
      io.stderr(`cannot use --inputs ${parsed.inputsFile}: ${inputsFileProblem(error)}\n`);
      return 2;
    }
  }
  const pairs = parseInputPairs(parsed.inputs);
  Object.assign(raw, pairs.raw);
  const typed = resolveInputs(result.workflow.inputs, raw, io.cwd, dirname(file));
  const problems = [...pairs.problems, ...typed.problems.filter((problem) => !problem.missing)];
  if (problems.length) {
    for (const problem of problems) io.stderr(`${problem.message}\n`);
    return 2;
  }
  const missing = typed.problems.filter((problem) => problem.missing).map((problem) => problem.name);
  const explicit = Object.fromEntries(Object.entries(typed.values).filter(([name]) => name in raw));
  const warnings = runWarnings(result.diagnostics, parsed.model !== undefined || Boolean(loaded.config?.defaultModel));
  return { args: parsed, file, text, workflow: result.workflow, config: loaded.config, given: typed.values, missing, explicit, warnings };
}

function isFile(path: string): boolean {
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Why the --inputs file could not be read, in words rather than a Node error code. */
function inputsFileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder; give a JSON or YAML file';
  return (error as Error).message;
}

/** The diagnostics and a summary on stderr: how a run that cannot start explains itself. */
function reportCompileErrors(io: CliIO, name: string, text: string, errors: Diagnostic[], folder: string): void {
  io.stderr(formatDiagnostics(name, text, errors, { paint: palette(stderrColorEnabled(io)), folder }));
  io.stderr(`${plural(errors.length, 'error')}: fix the workflow and run again\n`);
}

function isInteractive(args: RunArgs, io: CliIO): boolean {
  return !args.headless && !args.json && io.isTTY && Boolean(process.stdin.isTTY);
}

async function loadTui(): Promise<typeof import('../../components/run-tui.js')> {
  // the bundle (npm run build) loads in a third of the time of the separate modules
  const bundle = new URL('../../components/run-tui.bundle.js', import.meta.url);
  return (await import(existsSync(bundle) ? bundle.href : '../../components/run-tui.js')) as typeof import('../../components/run-tui.js');
}

export async function runCommand(args: string[], io: CliIO): Promise<number> {
  // the TUI opens on a file that does not compile and waits for a save that does (which
  // needs watching); headless runs and --no-watch stop with the diagnostics
  const keepBroken = (parsed: RunArgs) => parsed.watch && isInteractive(parsed, io);
  let prepared = await prepareRun(args, io, { keepBroken });
  while (typeof prepared !== 'number' && 'diagnostics' in prepared) {
    const waited = await (await loadTui()).waitForGoodSave(prepared, { onExit });
    if ('quit' in waited) {
      reportCompileErrors(io, prepared.args.file, waited.text, waited.diagnostics, dirname(prepared.file));
      return 2;
    }
    prepared = await prepareRun(args, io, { keepBroken });
  }
  if (typeof prepared === 'number') return prepared;
  if (isInteractive(prepared.args, io)) {
    // the TUI continues the file's latest saved session unless --fresh
    const session = openSession(prepared, io, { resume: !prepared.args.fresh, required: false });
    if ('error' in session) {
      io.stderr(`${session.error}\n`);
      return 2;
    }
    return (await loadTui()).runTui(prepared, session, { ...io, onExit });
  }
  // headless: the warnings on stderr before the run, as `check` prints them (the TUI counts
  // them in its header and lists them under `!`)
  if (prepared.warnings.length) io.stderr(formatDiagnostics(prepared.args.file, prepared.text, prepared.warnings, { paint: palette(stderrColorEnabled(io)), folder: dirname(prepared.file) }));
  const { runHeadless } = await import('./headless.js');
  return runHeadless(prepared, io);
}
