// Every editing key of a text field, on an exact value and cursor. A line is written with
// `|` where the cursor is: `ab|c` is the value "abc" with the cursor before the c.
import type { Key } from 'ink';
import { describe, expect, it } from 'vitest';
import { editLine, printable, type EditOptions } from '../../components/fields/line-edit.js';

const NONE: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};

/** A key as the keyboard reports it: its input and the flags that are set. */
type Press = [input: string, flags?: Partial<Key>];

const K = {
  left: ['', { leftArrow: true }],
  right: ['', { rightArrow: true }],
  up: ['', { upArrow: true }],
  down: ['', { downArrow: true }],
  home: ['', { home: true }],
  end: ['', { end: true }],
  altLeft: ['', { leftArrow: true, meta: true }],
  altRight: ['', { rightArrow: true, meta: true }],
  ctrlLeft: ['', { leftArrow: true, ctrl: true }],
  ctrlRight: ['', { rightArrow: true, ctrl: true }],
  altB: ['b', { meta: true }],
  altF: ['f', { meta: true }],
  altD: ['d', { meta: true }],
  backspace: ['', { backspace: true }],
  altBackspace: ['', { backspace: true, meta: true }],
  delete: ['', { delete: true }],
  ctrlA: ['a', { ctrl: true }],
  ctrlE: ['e', { ctrl: true }],
  ctrlU: ['u', { ctrl: true }],
  ctrlK: ['k', { ctrl: true }],
  ctrlW: ['w', { ctrl: true }],
  ctrlG: ['g', { ctrl: true }],
  enter: ['\r', { return: true }],
  tab: ['', { tab: true }],
  escape: ['', { escape: true, meta: true }],
} satisfies Record<string, Press>;

function parse(line: string) {
  return { value: line.replace('|', ''), cursor: line.indexOf('|') };
}

function show(state: { value: string; cursor: number } | null): string | null {
  return state && state.value.slice(0, state.cursor) + '|' + state.value.slice(state.cursor);
}

/** The line after the keys, or null when the last key is not for editing. */
function edit(line: string, presses: Press[], options: EditOptions = {}): string | null {
  let state: { value: string; cursor: number } | null = parse(line);
  for (const [input, flags] of presses) {
    state = editLine(state!, input, { ...NONE, ...flags }, options);
    if (!state) return null;
  }
  return show(state);
}

describe('editLine: moving the cursor', () => {
  it('←/→ move one character, and stop at either end', () => {
    expect(edit('abc|', [K.left])).toBe('ab|c');
    expect(edit('ab|c', [K.left, K.left, K.left])).toBe('|abc');
    expect(edit('|abc', [K.right])).toBe('a|bc');
    expect(edit('ab|c', [K.right, K.right])).toBe('abc|');
  });

  it('an emoji or a letter with its accent is one step', () => {
    expect(edit('a👍|', [K.left])).toBe('a|👍');
    expect(edit('|👍b', [K.right])).toBe('👍|b');
    expect(edit('cafe\u0301|', [K.left])).toBe('caf|e\u0301');
    expect(edit('a👍|', [K.backspace])).toBe('a|');
  });

  it('Home/End and Ctrl+A/Ctrl+E go to the start and end of the line', () => {
    expect(edit('ab|c', [K.home])).toBe('|abc');
    expect(edit('a|bc', [K.end])).toBe('abc|');
    expect(edit('ab|c', [K.ctrlA])).toBe('|abc');
    expect(edit('a|bc', [K.ctrlE])).toBe('abc|');
  });

  it('in a box they go to the start and end of the cursor\'s line; Ctrl+E is left to the box ($EDITOR)', () => {
    const box = { multiline: true, ctrlEIsTaken: true };
    expect(edit('one\ntw|o\nthree', [K.home], box)).toBe('one\n|two\nthree');
    expect(edit('one\nt|wo\nthree', [K.end], box)).toBe('one\ntwo|\nthree');
    expect(edit('one\ntw|o\nthree', [K.ctrlA], box)).toBe('one\n|two\nthree');
    expect(edit('one\ntw|o', [K.ctrlE], box)).toBeNull();
  });

  it('Alt+←/→, Ctrl+←/→ and Alt+B/F jump over words, skipping the spaces and punctuation between', () => {
    const line = 'say hello, world|';
    expect(edit(line, [K.altLeft])).toBe('say hello, |world');
    expect(edit(line, [K.altLeft, K.altLeft])).toBe('say |hello, world');
    expect(edit(line, [K.ctrlLeft, K.ctrlLeft, K.ctrlLeft, K.ctrlLeft])).toBe('|say hello, world');
    expect(edit(line, [K.altB])).toBe('say hello, |world');
    expect(edit('|say hello, world', [K.altRight])).toBe('say| hello, world');
    expect(edit('say| hello, world', [K.ctrlRight])).toBe('say hello|, world');
    expect(edit('say hello|, world', [K.altF])).toBe('say hello, world|');
    expect(edit('say hello, world|', [K.altF])).toBe('say hello, world|');
  });

  it('↑/↓ in a box keep the column, clamped to a shorter line', () => {
    const box = { multiline: true };
    expect(edit('first\nse|cond', [K.up], box)).toBe('fi|rst\nsecond');
    expect(edit('fi|rst\nsecond', [K.down], box)).toBe('first\nse|cond');
    expect(edit('a longer line|\nshort\nx', [K.down], box)).toBe('a longer line\nshort|\nx');
    expect(edit('a longer line\nshort\n|x', [K.up, K.up], box)).toBe('|a longer line\nshort\nx');
  });

  it('↑ on the first line and ↓ on the last are not for the box (the form moves on); on one line they never are', () => {
    expect(edit('fi|rst\nsecond', [K.up], { multiline: true })).toBeNull();
    expect(edit('first\nsec|ond', [K.down], { multiline: true })).toBeNull();
    expect(edit('ab|c', [K.up])).toBeNull();
    expect(edit('ab|c', [K.down])).toBeNull();
  });
});

describe('editLine: typing and deleting', () => {
  it('typing inserts at the cursor', () => {
    expect(edit('a|c', [['b']])).toBe('ab|c');
    expect(edit('|world', [['hello ']])).toBe('hello |world');
  });

  it('Backspace deletes before the cursor, Delete under it; nothing at the ends', () => {
    expect(edit('ab|c', [K.backspace])).toBe('a|c');
    expect(edit('|abc', [K.backspace])).toBe('|abc');
    expect(edit('a|bc', [K.delete])).toBe('a|c');
    expect(edit('abc|', [K.delete])).toBe('abc|');
  });

  it('Ctrl+U deletes to the start of the line, Ctrl+K to its end', () => {
    expect(edit('hello wo|rld', [K.ctrlU])).toBe('|rld');
    expect(edit('hello wo|rld', [K.ctrlK])).toBe('hello wo|');
    expect(edit('one\ntw|o\nthree', [K.ctrlU], { multiline: true })).toBe('one\n|o\nthree');
    expect(edit('one\ntw|o\nthree', [K.ctrlK], { multiline: true })).toBe('one\ntw|\nthree');
  });

  it('Ctrl+W deletes back to the previous space, as a shell does; Alt+Backspace and Alt+D delete a word', () => {
    expect(edit('see ./docs/a.md |', [K.ctrlW])).toBe('see |');
    expect(edit('see ./docs/a.md|', [K.altBackspace])).toBe('see ./docs/a.|');
    expect(edit('say |hello, world', [K.altD])).toBe('say |, world');
  });

  it('Enter types a new line in a box, and is not for a one-line field (the form moves on)', () => {
    expect(edit('ab|c', [K.enter], { multiline: true })).toBe('ab\n|c');
    expect(edit('ab|c', [K.enter])).toBeNull();
  });

  it('Tab, Esc and unknown control keys are not for editing', () => {
    expect(edit('ab|c', [K.tab])).toBeNull();
    expect(edit('ab|c', [K.escape])).toBeNull();
    expect(edit('ab|c', [K.ctrlG])).toBeNull();
  });

  it('pasted text keeps its line breaks in a box and turns them into spaces on one line', () => {
    expect(printable('a\r\nb\tc\x07', true)).toBe('a\nb\tc');
    expect(printable('a\r\nb\tc\x07', false)).toBe('a b c');
  });
});
