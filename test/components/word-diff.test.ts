import { describe, expect, it } from 'vitest';
import { lineText, wordDiff } from '../../components/word-diff.js';

const texts = (before: string, after: string, width = 80) => wordDiff(before, after, width).lines.map(lineText);

describe('wordDiff', () => {
  it('marks deleted and inserted words, the spaces around them unmarked', () => {
    expect(texts('a b c', 'a c')).toEqual(['a [-b-] c']);
    expect(texts('Write a haiku about rain.', 'Write a short haiku about snow.')).toEqual(['Write a {+short+} haiku about [-rain-]{+snow+}.']);
  });

  it('keeps the lines of the texts, each change marked on its own line', () => {
    expect(texts('one\ntwo\nthree', 'one\nthree')).toEqual(['one', '[-two-]', 'three']);
    expect(texts('same\nlines', 'same\nlines')).toEqual(['same', 'lines']);
    expect(wordDiff('same', 'same', 80).changed).toBe(false);
    expect(wordDiff('same', 'other', 80).changed).toBe(true);
  });

  it('wraps at the last space that fits, each piece keeping its change', () => {
    const { lines } = wordDiff('the quick brown fox jumps', 'the quick red fox jumps', 16);
    // the space that did not fit is where the line breaks
    expect(lines.map(lineText)).toEqual(['the quick ', '[-brown-]{+red+}', 'fox jumps']);
    expect(lines[1]).toEqual([
      { text: '[-brown-]', change: 'removed' },
      { text: '{+red+}', change: 'added' },
    ]);
    expect(wordDiff('the quick brown fox', 'the quick red fox', 12).lines.map(lineText)).toEqual(['the quick ', '[-brown-]{+r', 'ed+} fox']);
  });
});
