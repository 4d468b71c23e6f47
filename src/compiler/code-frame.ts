// A two-line code frame: the offending line under a line-number gutter, and a caret
// under the column. Plain text only; callers that want colour pass `paint`, so the CLI
// and the TUI's diagnostics banner can each colour it their own way.

export interface CodeFrameOptions {
  /** most characters of source to show; longer lines are clipped around the column */
  width?: number;
  /** spaces per tab stop when expanding tabs */
  tabSize?: number;
  paint?: {
    gutter?: (s: string) => string;
    caret?: (s: string) => string;
  };
}

const ELLIPSIS = '…';

/** The frame for 1-based `line`/`column` of `text`, or '' when the line is not in the text. */
export function codeFrame(text: string, line: number, column: number, options: CodeFrameOptions = {}): string {
  const lines = linesOf(text);
  if (!Number.isInteger(line) || line < 1 || line > lines.length) return '';
  const width = Math.max(options.width ?? 80, 10);
  const gutterPaint = options.paint?.gutter ?? identity;
  const caretPaint = options.paint?.caret ?? identity;

  const raw = lines[line - 1]!;
  const { expanded, caretAt } = expandTabs(raw, Math.max(column, 1) - 1, options.tabSize ?? 4);
  let shown = expanded;
  let caret = Math.min(caretAt, expanded.length);
  if (expanded.length > width) {
    // Keep the column about a third of the way in, so the text it points at is visible.
    const start = Math.max(0, Math.min(caret - Math.floor(width / 3), expanded.length - width));
    const end = start + width;
    shown = expanded.slice(start, end);
    if (start > 0) {
      shown = ELLIPSIS + shown.slice(1);
    }
    if (end < expanded.length) shown = shown.slice(0, -1) + ELLIPSIS;
    caret -= start;
  }

  const number = String(line);
  const gutter = `  ${number} | `;
  const blank = `  ${' '.repeat(number.length)} | `;
  return `${gutterPaint(gutter)}${shown.trimEnd()}\n${gutterPaint(blank)}${' '.repeat(caret)}${caretPaint('^')}`;
}

// The frames of one report all come from one text: split it once, not once per frame
// (5,000 problems in a 100 KB file took seconds).
let lastText: string | null = null;
let lastLines: string[] = [];

function linesOf(text: string): string[] {
  if (text !== lastText) {
    lastText = text;
    lastLines = text.split(/\r?\n/);
  }
  return lastLines;
}

/** Replaces tabs with spaces up to the next tab stop, and maps a 0-based index into the result. */
function expandTabs(line: string, index: number, tabSize: number): { expanded: string; caretAt: number } {
  let expanded = '';
  let caretAt = -1;
  for (let i = 0; i < line.length; i++) {
    if (i === index) caretAt = expanded.length;
    const char = line[i]!;
    expanded += char === '\t' ? ' '.repeat(tabSize - (expanded.length % tabSize)) : char;
  }
  // A column at or past the end (e.g. "unexpected end of line") points just after the text.
  if (caretAt < 0) caretAt = expanded.length;
  return { expanded, caretAt };
}

function identity(s: string): string {
  return s;
}
