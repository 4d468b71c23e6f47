// Word-level differences between two texts, laid out as screen lines. Every change is
// marked in the text itself, `[-deleted-]` and `{+inserted+}`, so it reads without colour
// (the colours come on top, through palette.ts).
import { diffWords } from 'diff';
import { wrapColumns } from './columns.js';

export type Change = 'same' | 'removed' | 'added';

export interface DiffPiece {
  text: string;
  change: Change;
}

/** One screen line: pieces whose texts, joined, fit the width. */
export type DiffLine = DiffPiece[];

export const MARKERS: Record<Exclude<Change, 'same'>, [string, string]> = { removed: ['[-', '-]'], added: ['{+', '+}'] };

export interface WordDiff {
  lines: DiffLine[];
  /** the texts differ in at least one word */
  changed: boolean;
}

/** The changes from `before` to `after`, wrapped to `width` columns. */
export function wordDiff(before: string, after: string, width: number): WordDiff {
  const logical: DiffLine[] = [[]];
  let changed = false;
  for (const part of diffWords(clean(before), clean(after))) {
    const change: Change = part.added ? 'added' : part.removed ? 'removed' : 'same';
    if (change !== 'same') changed = true;
    part.value.split('\n').forEach((text, index) => {
      if (index > 0) logical.push([]);
      logical[logical.length - 1]!.push(...marked(text, change));
    });
  }
  return { lines: logical.flatMap((line) => wrapLine(line, width)), changed };
}

function clean(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, '  ');
}

/** A change's text with its markers; the spaces around it stay outside them, unmarked. */
function marked(text: string, change: Change): DiffPiece[] {
  if (!text) return [];
  if (change === 'same') return [{ text, change }];
  const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/s.exec(text)!;
  // a change of spacing alone is not shown: diffWords compares words
  if (!core) return change === 'added' ? [{ text, change: 'same' }] : [];
  const [open, close] = MARKERS[change];
  const pieces: DiffPiece[] = [];
  if (lead) pieces.push({ text: lead!, change: 'same' });
  pieces.push({ text: `${open}${core}${close}`, change });
  if (trail) pieces.push({ text: trail!, change: 'same' });
  return pieces;
}

/** One line of pieces wrapped at the last space that fits (columns.ts), each piece keeping its change. */
function wrapLine(line: DiffLine, width: number): DiffLine[] {
  const full = line.map((piece) => piece.text).join('');
  if (!full) return [[]];
  const ends: number[] = [];
  let offset = 0;
  for (const piece of line) ends.push((offset += piece.text.length));
  const wrapped: DiffLine[] = [];
  let cursor = 0;
  for (const text of wrapColumns(full, width)) {
    // wrapColumns drops the space at a break that did not fit
    const start = full.startsWith(text, cursor) ? cursor : cursor + 1;
    const end = start + text.length;
    const out: DiffLine = [];
    let pieceStart = 0;
    line.forEach((piece, index) => {
      const pieceEnd = ends[index]!;
      const from = Math.max(start, pieceStart);
      const to = Math.min(end, pieceEnd);
      if (from < to) out.push({ text: full.slice(from, to), change: piece.change });
      pieceStart = pieceEnd;
    });
    wrapped.push(out);
    cursor = end;
  }
  return wrapped;
}

/** A line as plain text, markers included. */
export function lineText(line: DiffLine): string {
  return line.map((piece) => piece.text).join('');
}
