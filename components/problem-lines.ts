// The screen lines of compile problems, shared by the banner (the first few, above the run)
// and the problems view (all of them, scrollable), so both read the same. Each problem is its
// place, message and rule, wrapped to the width so the fix hint at its end is never cut off,
// then a two-line code frame.
import type { Diagnostic } from '../src/compiler/types.js';
import { codeFrame } from '../src/compiler/code-frame.js';
import { wrapColumns } from './columns.js';

export type ProblemLineKind = 'message' | 'source' | 'caret';

export interface ProblemLine {
  text: string;
  kind: ProblemLineKind;
  /** how many columns at the start are the place (`line 5, column 8:`), coloured */
  place?: number;
  /** how many columns at the end are the rule (`[unknown-name]`), dimmed */
  rule?: number;
}

/** Continuation lines of a message are indented so each problem reads as one item. */
const HANGING = '  ';

/** Lines of one problem: the wrapped message, then its code frame when the line exists. */
export function problemLines(diagnostic: Diagnostic, text: string, width: number): ProblemLine[] {
  // a problem in an included fragment names its file; the frame would show the workflow's line
  const place = `${diagnostic.file ? `${diagnostic.file} ` : ''}line ${diagnostic.line}, column ${diagnostic.column}:`;
  const rule = `[${diagnostic.rule}]`;
  const label = diagnostic.severity === 'warning' ? 'warning: ' : '';
  const message = `${place} ${label}${diagnostic.message.replace(/\s*\n\s*/g, ' ')} ${rule}`;
  const pieces = wrapColumns(message, Math.max(1, width - HANGING.length)).map((piece) => piece.trimEnd());
  const lines: ProblemLine[] = pieces.map((piece, index) => ({
    text: index === 0 ? piece : HANGING + piece,
    kind: 'message',
    place: index === 0 && piece.startsWith(place) ? place.length : undefined,
    rule: index === pieces.length - 1 && piece.endsWith(rule) ? rule.length : undefined,
  }));
  const frame = diagnostic.file ? '' : codeFrame(text, diagnostic.line, diagnostic.column, { width: width - 2 });
  if (frame) {
    const [source, caret] = frame.split('\n');
    lines.push({ text: source!, kind: 'source' }, { text: caret!, kind: 'caret' });
  }
  return lines;
}

/** Lines of several problems, optionally with a blank line between them. */
export function problemsLines(diagnostics: Diagnostic[], text: string, width: number, spaced = false): ProblemLine[] {
  return diagnostics.flatMap((diagnostic, index) => [...(spaced && index > 0 ? [{ text: '', kind: 'message' as const }] : []), ...problemLines(diagnostic, text, width)]);
}
