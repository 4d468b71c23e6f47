import { describe, expect, it } from 'vitest';
import { codeFrame } from '../../src/compiler/code-frame.js';

describe('codeFrame', () => {
  it('shows the line under a numbered gutter and a caret under the column', () => {
    const text = 'first\nWrite about {topc}.\nlast';
    expect(codeFrame(text, 2, 13)).toBe('  2 | Write about {topc}.\n    |             ^');
  });

  it('widens the gutter to the line number', () => {
    const text = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`).join('\n');
    expect(codeFrame(text, 12, 6)).toBe('  12 | line 12\n     |      ^');
  });

  it('expands tabs to 4-column stops and keeps the caret under the same character', () => {
    expect(codeFrame('\tab\tc', 1, 5)).toBe('  1 |     ab  c\n    |         ^');
  });

  it('puts the caret just after the text when the column is past the end', () => {
    expect(codeFrame('abc', 1, 9)).toBe('  1 | abc\n    |    ^');
  });

  it('handles CRLF line endings', () => {
    expect(codeFrame('one\r\ntwo\r\n', 2, 2)).toBe('  2 | two\n    |  ^');
  });

  it('clips a long line around the column with ellipses at the cut ends', () => {
    const line = 'a'.repeat(100) + 'X' + 'b'.repeat(100);
    const frame = codeFrame(line, 1, 101, { width: 30 });
    const [source, caret] = frame.split('\n');
    expect(source).toBe('  1 | …' + 'a'.repeat(9) + 'X' + 'b'.repeat(18) + '…');
    expect(caret).toBe('    | ' + ' '.repeat(10) + '^');
  });

  it('does not clip the start when the column is near it', () => {
    const frame = codeFrame('x'.repeat(200), 1, 3, { width: 20 });
    expect(frame).toBe('  1 | ' + 'x'.repeat(19) + '…\n    |   ^');
  });

  it('returns an empty string for a line outside the text', () => {
    expect(codeFrame('one line', 0, 1)).toBe('');
    expect(codeFrame('one line', 3, 1)).toBe('');
  });

  it('lets the caller colour the gutter and the caret', () => {
    const frame = codeFrame('abc', 1, 2, { paint: { gutter: (s) => `<${s}>`, caret: (s) => `[${s}]` } });
    expect(frame).toBe('<  1 | >abc\n<    | > [^]');
  });
});
