// `stepwise check FILE... [--json]`: compile only and report. Loaded only when the
// command runs; it pulls in the compiler but never the UI or the model SDKs.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkDocument, compile } from '../compiler/index.js';
import { parseCommandArgs, usageError } from './args.js';
import { formatDiagnostics, formatSummary } from './format-diagnostics.js';
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
  let unreadable = 0;
  const reports: string[] = [];
  for (const file of files) {
    const text = await readText(resolve(io.cwd, file));
    if (typeof text !== 'string') {
      unreadable++;
      io.stderr(`${text.error(file)}\n`);
      continue;
    }
    const result = compile(text, file);
    if (json) {
      io.stdout(`${JSON.stringify(checkDocument(file, result))}\n`);
    }
    const fileErrors = result.diagnostics.filter((d) => d.severity === 'error').length;
    errors += fileErrors;
    warnings += result.diagnostics.length - fileErrors;
    if (result.diagnostics.length > 0) {
      filesWithProblems++;
      if (!json) reports.push(formatDiagnostics(file, text, result.diagnostics, { color }));
    }
  }

  if (!json) {
    // An unreadable file counts as an error in that file, so the summary never says "ok" when the exit code is 2.
    const summary = formatSummary({
      errors: errors + unreadable,
      warnings,
      files: files.length,
      filesWithProblems: filesWithProblems + unreadable,
    });
    io.stdout(reports.map((r) => `${r}\n`).join('') + `${summary}\n`);
  }
  return errors > 0 || unreadable > 0 ? 2 : 0;
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
