// Wrapping and clipping in terminal columns: wide characters (CJK, emoji) take two, and a
// line never runs past its box.
import { describe, expect, it } from 'vitest';
import { clipColumns, columnWidth, wrapColumns } from '../../components/columns.js';
import { firstLine, textWindow } from '../../components/text-window.js';
import { clip, headLines } from '../../components/format.js';

describe('columns', () => {
  it('measures ASCII, wide characters, emoji and combining accents', () => {
    expect([columnWidth('snow'), columnWidth('雪の日'), columnWidth('🙂 ok'), columnWidth('café'), columnWidth('cafe\u0301')]).toEqual([4, 6, 5, 4, 4]);
  });

  it('wraps at the last space that fits, and splits only a word longer than a line', () => {
    expect(wrapColumns('the first snow of winter', 10)).toEqual(['the first ', 'snow of ', 'winter']);
    expect(wrapColumns('abcde fgh', 5)).toEqual(['abcde', 'fgh']);
    expect(wrapColumns('a supercalifragilistic b', 8)).toEqual(['a ', 'supercal', 'ifragili', 'stic b']);
    expect(wrapColumns('one two three four', 9, 2)).toEqual(['one two ', 'three ']);
  });

  it('wraps by columns and never splits a character', () => {
    expect(wrapColumns('雪の日の朝', 4)).toEqual(['雪の', '日の', '朝']);
    expect(wrapColumns('ab雪c', 3)).toEqual(['ab', '雪c']);
    expect(wrapColumns('👩‍👩‍👧 family', 4)).toEqual(['👩‍👩‍👧 ', 'fami', 'ly']); // one emoji, two columns
    expect(wrapColumns('', 5)).toEqual(['']);
    expect(wrapColumns('abcdefg', 3)).toEqual(['abc', 'def', 'g']);
    expect(wrapColumns('雪の 日の朝', 5)).toEqual(['雪の ', '日の', '朝']);
  });

  it('clips to a width with an ellipsis', () => {
    expect(clipColumns('雪の日の朝', 5)).toBe('雪の…');
    expect(clipColumns('雪の日', 6)).toBe('雪の日');
    expect(clip('snowfall', 5)).toBe('snow…');
    expect(firstLine('雪の日の朝\nsecond', 7)).toBe('雪の日…');
  });
});

describe('the panels wrap wide text to the box', () => {
  it('textWindow: the tail of a streaming Japanese output, each line at most the width', () => {
    const window = textWindow('一二三四五六七八九十\n雪', 8, 3);
    expect(window.lines).toEqual(['五六七八', '九十', '雪']);
    expect(window.above).toBe(true);
  });

  it('textWindow: a megabyte of Japanese on one line shows its tail, each row full to the width', () => {
    const line = '雪'.repeat(500_000) + '終わり';
    const window = textWindow(line, 10, 3);
    expect(window.lines).toEqual(['雪雪雪雪雪', '雪雪雪雪雪', '雪雪終わり']);
    expect(window.above).toBe(true);
    // as more streams in, the rows already shown stay where they were
    expect(textWindow(line + '。', 10, 4).lines).toEqual(['雪雪雪雪雪', '雪雪雪雪雪', '雪雪終わり', '。']);
  });

  it('headLines: a prompt in Chinese, three lines', () => {
    expect(headLines('写一首关于初雪的短诗，只回复诗本身。', 10, 3)).toEqual({ lines: ['写一首关于', '初雪的短诗', '，只回复诗'], more: true });
  });
});
