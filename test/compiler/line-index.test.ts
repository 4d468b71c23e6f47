import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/compiler/line-index.js';

describe('LineIndex', () => {
  const index = new LineIndex('ab\ncd\n\nef\n');

  it('turns offsets into 1-based lines and columns', () => {
    expect([0, 1, 2, 3, 6, 7, 8].map((offset) => index.place(offset))).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 1, column: 3 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 4, column: 2 },
    ]);
  });

  it('keeps an offset at or past the very end on the last line of text, not the empty one after it', () => {
    expect(index.place(10)).toEqual({ line: 4, column: 3 });
    expect(index.place(99)).toEqual({ line: 4, column: 3 });
    expect(index.place(-5)).toEqual({ line: 1, column: 1 });
  });

  it('turns lines and columns back into offsets, clamped to the text', () => {
    expect([index.offsetOf(2, 2), index.offsetOf(4, 1), index.offsetOf(0, 0), index.offsetOf(99, 1)]).toEqual([4, 7, 0, 10]);
  });
});
