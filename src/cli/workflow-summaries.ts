// The workflows of one folder and what `stepwise list` says of each: title, the first line
// of the description, inputs, and whether it compiles. Not recursive: a folder's `prompts/`
// fragments and saved runs are not workflows.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument, compile, type CheckInput, type CompileOptions } from '../compiler/index.js';

export interface WorkflowSummary {
  /** the path as the user would type it: DIR joined with the file name */
  file: string;
  ok: boolean;
  title: string;
  /** the description's first line, or null */
  description: string | null;
  inputs: CheckInput[];
  errors: number;
  warnings: number;
}

/**
 * The `.mdx` files of `dir`, and its `.md` files that look like workflows (frontmatter, or
 * an action tag outside code): a README or notes file is not one. Hidden files are
 * skipped; sorted by name.
 */
export function workflowFiles(dir: string): string[] {
  const names = readdirSync(dir).filter((name) => !name.startsWith('.') && /\.mdx?$/.test(name));
  return names
    .filter((name) => {
      const path = join(dir, name);
      try {
        if (!statSync(path).isFile()) return false;
        return name.endsWith('.mdx') || looksLikeWorkflow(readFileSync(path, 'utf8'));
      } catch {
        return false;
      }
    })
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function looksLikeWorkflow(text: string): boolean {
  if (/^---\r?\n/.test(text)) return true;
  const prose = text.replace(/^(```|~~~)[^]*?^\1/gm, '').replace(/`[^`\n]*`/g, '');
  // <GenText>, its kebab-case spelling <gen-text>, and <loop>/<cond> with an `as` (without one they are prose)
  return /<(?:[A-Z][\w.]*[\s/>]|gen-(?:text|object)[\s/>]|(?:loop|cond)\s[^>]*\bas=)/.test(prose);
}

/** Compiles one file of the folder; `shown` is how the user names it. */
export function summarise(path: string, shown: string, options: CompileOptions): WorkflowSummary {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    // gone or unreadable since the folder was read: listed as not compiling, `check` says why
    return { file: shown, ok: false, title: shown, description: null, inputs: [], errors: 1, warnings: 0 };
  }
  const document = checkDocument(shown, compile(text, path, options));
  const errors = document.diagnostics.filter((d) => d.severity === 'error').length;
  return {
    file: shown,
    ok: document.ok,
    title: document.title,
    description: firstLine(document.description, document.title),
    inputs: document.inputs,
    errors,
    warnings: document.diagnostics.length - errors,
  };
}

/** The description's first line; a heading that only repeats the title (`# Hello World!`) is skipped. */
function firstLine(text: string | null, title: string): string | null {
  const lines = (text ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const repeatsTitle = (line: string) => /^#{1,6}\s/.test(line) && line.replace(/^#{1,6}\s+/, '').replace(/\s+#*$/, '') === title;
  return lines.find((line) => !repeatsTitle(line)) ?? null;
}
