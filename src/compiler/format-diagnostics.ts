// Human-readable diagnostics for `stepwise check`, `stepwise run` and the library's
// errors: one header line per problem in the `file:line:column` form editors and terminals
// turn into links, then a code frame. Plain text; the command line passes its colours.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Diagnostic } from './types.js';
import { codeFrame } from './code-frame.js';

/** Styles for the parts of a diagnostic (the command line's palette); none means plain text. */
export interface DiagnosticPaint {
  red: (text: string) => string;
  yellow: (text: string) => string;
  dim: (text: string) => string;
  bold: (text: string) => string;
}

export interface FormatOptions {
  /** ANSI colours: severity red/yellow, dim gutter; plain text without */
  paint?: DiagnosticPaint;
  /** the workflow's folder, to show the lines of included fragments (`Diagnostic.file`) */
  folder?: string;
}

/** Every diagnostic of one file, in file order, each followed by its code frame; '' when there are none. */
export function formatDiagnostics(file: string, text: string, diagnostics: Diagnostic[], options: FormatOptions): string {
  const colours = options.paint;
  const paint = colours ? { gutter: colours.dim, caret: colours.red } : undefined;
  // compile() already puts a fragment's problems where the workflow includes it
  const sorted = diagnostics.some((d) => d.file) ? diagnostics : [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
  const fragments = new Map<string, string>();
  const textOf = (d: Diagnostic) => {
    if (d.file === undefined) return text;
    if (!fragments.has(d.file)) fragments.set(d.file, readFragment(options.folder, d.file));
    return fragments.get(d.file)!;
  };
  return sorted
    .map((d) => {
      const severity = colours ? (d.severity === 'error' ? colours.red : colours.yellow)(d.severity) : d.severity;
      const place = `${d.file === undefined ? file : join(dirname(file), d.file)}:${d.line}:${d.column}`;
      const rule = colours ? colours.dim(`[${d.rule}]`) : `[${d.rule}]`;
      const header = `${colours ? colours.bold(place) : place}  ${severity}  ${d.message}  ${rule}`;
      const frame = codeFrame(textOf(d), d.line, d.column, { paint });
      return frame ? `${header}\n${frame}\n` : `${header}\n`;
    })
    .join('\n');
}

function readFragment(folder: string | undefined, file: string): string {
  if (folder === undefined) return '';
  try {
    return readFileSync(join(folder, file), 'utf8');
  } catch {
    return '';
  }
}

/** The closing line: `2 errors, 1 warning in 1 file`, `1 error in 1 of 3 files`, or `ok: 2 files, no problems`. */
export function formatSummary(counts: { errors: number; warnings: number; files: number; filesWithProblems: number }): string {
  const files = plural(counts.files, 'file');
  if (counts.errors === 0 && counts.warnings === 0) return `ok: ${files}, no problems`;
  const parts: string[] = [];
  if (counts.errors > 0) parts.push(plural(counts.errors, 'error'));
  if (counts.warnings > 0) parts.push(plural(counts.warnings, 'warning'));
  const where = counts.filesWithProblems === counts.files ? files : `${counts.filesWithProblems} of ${files}`;
  return `${parts.join(', ')} in ${where}`;
}

/** `1 error`, `3 errors` */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
