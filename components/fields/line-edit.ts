// The editing keys of a shell line, on a text and a cursor: what each key does, as a plain
// function the fields, the multi-line box and the `f`/`k` prompts share. A key that is not
// for editing (Tab, Esc, ↑ on a box's first line) gives null and is left to the form.
import type { Key } from 'ink';

export interface LineState {
  value: string;
  /** an index into value, between two characters */
  cursor: number;
}

export interface EditOptions {
  /** a box of several lines: Enter types a new line, ↑/↓ move between lines */
  multiline?: boolean;
  /** Ctrl+E belongs to someone else (the box opens $EDITOR with it) */
  ctrlEIsTaken?: boolean;
}

/** Enter, including a lone line feed: Enter typed before the terminal was in raw mode arrives as `\n`. */
export function isEnter(input: string, key: Key): boolean {
  return key.return || input === '\n';
}

/** What the key does to the line, or null when it is not an editing key. */
export function editLine(state: LineState, input: string, key: Key, options: EditOptions = {}): LineState | null {
  const { value } = state;
  const cursor = Math.min(Math.max(state.cursor, 0), value.length);
  const multiline = options.multiline === true;
  const start = lineStart(value, cursor);
  const end = lineEnd(value, cursor);
  const wordKey = key.ctrl || key.meta;

  if (key.leftArrow) return at(value, wordKey ? wordStart(value, cursor) : previousChar(value, cursor));
  if (key.rightArrow) return at(value, wordKey ? wordEnd(value, cursor) : nextChar(value, cursor));
  if (key.home) return at(value, start);
  if (key.end) return at(value, end);
  if (key.upArrow || key.downArrow) return multiline ? verticalMove(value, cursor, key.upArrow ? -1 : 1) : null;
  if (key.backspace) return cut(value, key.meta ? wordStart(value, cursor) : previousChar(value, cursor), cursor);
  if (key.delete) return cut(value, cursor, nextChar(value, cursor));
  if (key.ctrl) {
    switch (input) {
      case 'a':
        return at(value, start);
      case 'e':
        return options.ctrlEIsTaken ? null : at(value, end);
      case 'u':
        return cut(value, start, cursor);
      case 'k':
        return cut(value, cursor, end);
      case 'w':
        return cut(value, spaceWordStart(value, cursor), cursor);
    }
    return null;
  }
  if (key.meta && !key.escape) {
    if (input === 'b') return at(value, wordStart(value, cursor));
    if (input === 'f') return at(value, wordEnd(value, cursor));
    if (input === 'd') return cut(value, cursor, wordEnd(value, cursor));
    return null;
  }
  if (isEnter(input, key)) return multiline ? insert(value, cursor, '\n') : null;
  if (key.tab || key.escape || key.pageUp || key.pageDown || !input) return null;
  const typed = printable(input, multiline);
  return typed ? insert(value, cursor, typed) : null;
}

function at(value: string, cursor: number): LineState {
  return { value, cursor };
}

function insert(value: string, cursor: number, text: string): LineState {
  return { value: value.slice(0, cursor) + text + value.slice(cursor), cursor: cursor + text.length };
}

function cut(value: string, from: number, to: number): LineState {
  return { value: value.slice(0, from) + value.slice(to), cursor: from };
}

/**
 * Typed or pasted text as it goes into the value: line breaks become new lines in a box and
 * spaces on one line; other control characters never show.
 */
export function printable(typed: string, multiline: boolean): string {
  let text = '';
  for (const char of typed.replace(/\r\n?/g, '\n')) {
    if (char === '\n' || char === '\t') text += multiline ? char : ' ';
    else if (char >= ' ' && char !== '\x7f') text += char;
  }
  return text;
}

// Characters as a reader sees them: an emoji or an accent with its letter is one step.
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function previousChar(value: string, cursor: number): number {
  let previous = 0;
  for (const { index } of graphemes.segment(value.slice(0, cursor))) previous = index;
  return cursor === 0 ? 0 : previous;
}

function nextChar(value: string, cursor: number): number {
  if (cursor >= value.length) return value.length;
  const first = graphemes.segment(value.slice(cursor))[Symbol.iterator]().next();
  return first.done ? value.length : cursor + first.value.segment.length;
}

const WORD = /[\p{L}\p{N}_]/u;

/** Alt+B, Alt+←: back over any non-word characters, then to the start of the word. */
function wordStart(value: string, cursor: number): number {
  let index = cursor;
  while (index > 0 && !WORD.test(value[index - 1]!)) index--;
  while (index > 0 && WORD.test(value[index - 1]!)) index--;
  return index;
}

/** Alt+F, Alt+→: over any non-word characters, then to the end of the word. */
function wordEnd(value: string, cursor: number): number {
  let index = cursor;
  while (index < value.length && !WORD.test(value[index]!)) index++;
  while (index < value.length && WORD.test(value[index]!)) index++;
  return index;
}

/** Ctrl+W deletes back to the previous space, as a shell does (a path or a URL goes whole). */
function spaceWordStart(value: string, cursor: number): number {
  let index = cursor;
  while (index > 0 && /\s/.test(value[index - 1]!)) index--;
  while (index > 0 && !/\s/.test(value[index - 1]!)) index--;
  return index;
}

function lineStart(value: string, cursor: number): number {
  return value.lastIndexOf('\n', cursor - 1) + 1;
}

function lineEnd(value: string, cursor: number): number {
  const next = value.indexOf('\n', cursor);
  return next === -1 ? value.length : next;
}

/** ↑/↓ in a box: the same column of the line above or below; null on the first or last line (the key leaves the box). */
function verticalMove(value: string, cursor: number, direction: -1 | 1): LineState | null {
  const start = lineStart(value, cursor);
  const column = cursor - start;
  if (direction === -1) {
    if (start === 0) return null;
    const above = lineStart(value, start - 1);
    return at(value, Math.min(above + column, start - 1));
  }
  const end = lineEnd(value, cursor);
  if (end === value.length) return null;
  return at(value, Math.min(end + 1 + column, lineEnd(value, end + 1)));
}
