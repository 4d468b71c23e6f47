// The visible part of a long text: wrapped to the width in terminal columns (columns.ts),
// `height` lines, `scroll` lines up from the bottom. It walks backwards from the end and
// stops as soon as it has enough, so a 1 MB output costs what the visible lines cost,
// not the whole text.

import { clipColumns, wrapColumns } from './columns.js';

export interface TextWindow {
  lines: string[];
  /** more text above / below the window */
  above: boolean;
  below: boolean;
  /** the scroll actually applied (clamped at the top of the text) */
  scroll: number;
}

export function textWindow(text: string, width: number, height: number, scroll = 0): TextWindow {
  const columns = Math.max(1, width);
  const wanted = Math.max(0, scroll) + Math.max(1, height);
  const collected: string[] = []; // bottom-up
  let end = text.endsWith('\n') ? text.length - 1 : text.length;
  let reachedTop = false;
  while (collected.length < wanted) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\t/g, '  ').replace(/\r$/, '');
    const { pieces, cut } = lineChunks(line, columns, wanted);
    // the last chunks of this line first, stopping when the window is full
    let chunk = pieces.length - 1;
    for (; chunk >= 0 && collected.length < wanted; chunk--) collected.push(pieces[chunk]!);
    if (cut) break;
    if (start === 0 || end <= 0) {
      reachedTop = chunk < 0;
      break;
    }
    end = start - 1;
  }
  const total = collected.length;
  const applied = reachedTop ? Math.min(Math.max(0, scroll), Math.max(0, total - height)) : Math.max(0, scroll);
  const bottom = applied;
  const top = Math.min(total, applied + height);
  const lines = collected.slice(bottom, top).reverse();
  return { lines, above: !reachedTop || top < total, below: applied > 0, scroll: applied };
}

const TAIL_STEP = 1024;

/**
 * A line's wrapped chunks, read from the end. A long line is wrapped only from a point
 * near its end, enough characters for `wanted` rows several times over (`cut`: the line
 * goes on above them), so a megabyte-long line costs what the rows shown cost. That point
 * sits on a fixed grid, so rows already on screen do not shift as more text streams in.
 */
function lineChunks(line: string, columns: number, wanted: number): { pieces: string[]; cut: boolean } {
  const tail = Math.max(TAIL_STEP, wanted * columns * 4);
  const cut = line.length > tail;
  const from = cut ? Math.floor((line.length - tail) / TAIL_STEP) * TAIL_STEP : 0;
  const pieces = wrapColumns(cut ? line.slice(from) : line, columns);
  // the first piece of a cut tail starts mid-line: it is never shown
  if (cut) pieces.shift();
  return { pieces, cut };
}

/** The first line of a value's text form, clipped to `width` columns. */
export function firstLine(text: string, width: number): string {
  const newline = text.indexOf('\n');
  return clipColumns(newline < 0 ? text : text.slice(0, newline), width);
}
