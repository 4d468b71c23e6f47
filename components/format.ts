// Small text helpers shared by the panels.
import { clipColumns, wrapColumns } from './columns.js';

/** A result as the author reads it: strings as they are, anything else as pretty JSON. */
export function outputText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 2) ?? String(value);
}

/** `m:ss`, or `h:mm:ss` past an hour */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const seconds = String(total % 60).padStart(2, '0');
  const minutes = Math.floor(total / 60) % 60;
  const hours = Math.floor(total / 3600);
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Clips a line to `width` columns with an ellipsis. */
export function clip(text: string, width: number): string {
  return clipColumns(text, width);
}

/** The first `count` lines of a text, each wrapped to `width`, and whether more follow. */
export function headLines(text: string, width: number, count: number): { lines: string[]; more: boolean } {
  const columns = Math.max(1, width);
  const lines: string[] = [];
  let start = 0;
  while (lines.length < count && start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const room = count - lines.length;
    const pieces = wrapColumns(text.slice(start, end), columns, room + 1);
    lines.push(...pieces.slice(0, room));
    if (newline < 0) return { lines, more: pieces.length > room };
    start = newline + 1;
  }
  return { lines, more: start < text.length };
}
