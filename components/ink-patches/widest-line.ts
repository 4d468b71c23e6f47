// The `widest-line` package as Ink uses it (the width of a text's widest line), with the
// width of each line kept between frames (see frame-cache.ts). Put in place of the
// package in the TUI bundle by scripts/bundle-tui.js.
import stringWidth from 'string-width';
import { isPlainAscii } from '../columns.js';
import { FrameCache } from './frame-cache.js';

const widths = new FrameCache<number>();

/** The width of one line in terminal columns (printable ASCII counts one per character). */
export function lineWidth(line: string): number {
  if (isPlainAscii(line)) return line.length;
  return widths.get(line, stringWidth);
}

export default function widestLine(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, lineWidth(line));
  return widest;
}

