// Small text helpers shared by the panels.

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
  if (width <= 0) return '';
  return text.length > width ? text.slice(0, Math.max(0, width - 1)) + '…' : text;
}

/** The first `count` lines of a text, each wrapped to `width`, and whether more follow. */
export function headLines(text: string, width: number, count: number): { lines: string[]; more: boolean } {
  const columns = Math.max(1, width);
  const lines: string[] = [];
  let start = 0;
  while (lines.length < count && start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end).replace(/\t/g, '  ');
    for (let at = 0; lines.length < count && (at === 0 || at < line.length); at += columns) lines.push(line.slice(at, at + columns));
    if (newline < 0) return { lines, more: lines.length >= count && line.length > lines.length * columns };
    start = newline + 1;
  }
  return { lines, more: start < text.length };
}
