// `stepwise check FILE... [--json]`: compile only and report. Loaded only when the
// command runs; it pulls in the compiler but never the UI or the model SDKs.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { checkDocument, compile, type CompileOptions } from '../compiler/index.js';
import { loadProjectConfig } from '../config/load-config.js';
import { knownProviders } from '../models/provider-names.js';
import { customActionSpecs } from '../actions/specs.js';
import { toolNames } from '../tools/registry.js';
import { parseCommandArgs, usageError } from './args.js';
import { formatDiagnostics, formatSummary } from '../compiler/format-diagnostics.js';
import { palette } from './paint.js';
import { colorEnabled, type CliIO } from './io.js';

export async function runCheckCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(args, { json: { type: 'boolean' } });
  if ('error' in parsed) {
    io.stderr(`${parsed.error}\n`);
    return 2;
  }
  const files = parsed.positionals;
  if (files.length === 0) {
    io.stderr(`${usageError('missing FILE: write `stepwise check FILE...`, e.g. `stepwise check workflow.mdx`')}\n`);
    return 2;
  }
  const json = parsed.values.json === true;
  const color = colorEnabled(io);

  let errors = 0;
  let warnings = 0;
  let filesWithProblems = 0;
  let unchecked = 0;
  const reports: string[] = [];
  const configs = new Map<string, Promise<CompileOptions | string>>();
  for (const file of files) {
    const path = resolve(io.cwd, file);
    const text = await readText(path);
    if (typeof text !== 'string') {
      unchecked++;
      io.stderr(`${text.error(file)}\n`);
      continue;
    }
    const options = await compileOptions(dirname(path), io, configs);
    if (typeof options === 'string') {
      unchecked++;
      io.stderr(`${options}\n`);
      continue;
    }
    const result = compile(text, file, { ...options, folder: dirname(path) });
    if (json) {
      io.stdout(`${JSON.stringify(checkDocument(file, result))}\n`);
    }
    const fileErrors = result.diagnostics.filter((d) => d.severity === 'error').length;
    errors += fileErrors;
    warnings += result.diagnostics.length - fileErrors;
    if (result.diagnostics.length > 0) {
      filesWithProblems++;
      if (!json) reports.push(formatDiagnostics(file, text, result.diagnostics, { paint: palette(color), folder: dirname(path) }));
    }
  }

  if (!json) {
    // A file that could not be checked (unreadable, or a broken config) counts as an
    // error in it, so the summary never says "ok" when the exit code is 2.
    const summary = formatSummary({
      errors: errors + unchecked,
      warnings,
      files: files.length,
      filesWithProblems: filesWithProblems + unchecked,
    });
    io.stdout(reports.map((r) => `${r}\n`).join('') + `${summary}\n`);
  }
  return errors > 0 || unchecked > 0 ? 2 : 0;
}

/**
 * The project's custom actions and providers, so `check` knows them as `run` does; or the config's
 * load error. Cheap when there is no config (the loader pulls in jiti and zod only
 * for a config file that exists). Cached per folder.
 */
function compileOptions(
  workflowDir: string,
  io: CliIO,
  cache: Map<string, Promise<CompileOptions | string>>,
): Promise<CompileOptions | string> {
  let loading = cache.get(workflowDir);
  if (!loading) {
    loading = loadProjectConfig(workflowDir, io.cwd).then(
      (loaded) => loaded.error ?? { actions: customActionSpecs(loaded.config), tools: toolNames(loaded.config), providers: knownProviders(loaded.config, io.env) },
    );
    cache.set(workflowDir, loading);
  }
  return loading;
}

async function readText(path: string): Promise<string | { error: (file: string) => string }> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: (file) => `no such file: ${file}` };
    if (code === 'EISDIR') return { error: (file) => `${file} is a folder: give the path of a .md or .mdx file` };
    return { error: (file) => `cannot read ${file}: ${(err as Error).message}; check that it exists and that you can read it` };
  }
}
