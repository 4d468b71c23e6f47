// The part of a one-line value that fits in `room` columns with the cursor in it: a prompt
// on the bottom row (f, k, x) has one row, so a long instruction scrolls sideways as a
// shell line does instead of wrapping over the key hints below it.
import { columnWidth } from '../columns.js';

export function lineWindow(value: string, cursor: number, room: number): { text: string; cursor: number } {
  // the block cursor after the last character takes a column too
  if (columnWidth(value) + 1 <= room) return { text: value, cursor };
  const chars = Array.from(value);
  const at = Array.from(value.slice(0, cursor)).length;
  const widths = chars.map((char) => columnWidth(char));
  // the cursor's own cell, and a column for a `…` on each side
  const space = Math.max(1, room - 2);
  let from = at;
  let to = Math.min(chars.length, at + 1);
  let used = to > at ? widths[at]! : 1;
  // show what comes before the cursor first (what was just typed), then what follows it
  while (from > 0 && used + widths[from - 1]! <= space) used += widths[--from]!;
  while (to < chars.length && used + widths[to]! <= space) used += widths[to++]!;
  const before = from > 0 ? '…' : '';
  const after = to < chars.length ? '…' : '';
  return { text: before + chars.slice(from, to).join('') + after, cursor: before.length + chars.slice(from, at).join('').length };
}
