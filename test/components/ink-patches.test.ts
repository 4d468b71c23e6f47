// components/ink-patches/ replaces parts of Ink in the TUI bundle: they must draw exactly
// what Ink's own would, frame after frame, while their caches carry work over between
// frames and drop what the screen no longer shows.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import Output from '../../components/ink-patches/output.js';
import measureText from '../../components/ink-patches/measure-text.js';
import widestLine from '../../components/ink-patches/widest-line.js';
import { FrameCache, endFrame } from '../../components/ink-patches/frame-cache.js';

type Op = ['write', number, number, string, Array<(line: string, index: number) => string>?] | ['clip', { x1?: number; x2?: number; y1?: number; y2?: number }] | ['unclip'];
interface ScreenBuffer {
  write(x: number, y: number, text: string, options: { transformers: Array<(line: string, index: number) => string> }): void;
  clip(clip: object): void;
  unclip(): void;
  get(): { output: string; height: number };
}

const inkBuild = dirname(createRequire(import.meta.url).resolve('ink'));
const InkOutput: new (size: { width: number; height: number }) => ScreenBuffer = (await import(pathToFileURL(join(inkBuild, 'output.js')).href)).default;

function draw(Kind: new (size: { width: number; height: number }) => ScreenBuffer, width: number, height: number, ops: Op[]) {
  const output = new Kind({ width, height });
  for (const op of ops) {
    if (op[0] === 'write') output.write(op[1], op[2], op[3], { transformers: op[4] ?? [] });
    else if (op[0] === 'clip') output.clip(op[1]);
    else output.unclip();
  }
  return output.get();
}

const cyan = (text: string) => `\u001b[36m${text}\u001b[39m`;
const bold = (text: string) => `\u001b[1m${text}\u001b[22m`;
const dim = (text: string) => `\u001b[2m${text}\u001b[22m`;
const inverse = (text: string) => `\u001b[7m${text}\u001b[27m`;
const border = (width: number) => cyan(`╭${'─'.repeat(width - 2)}╮`);

/** Frames a TUI session goes through: a header, bordered panels, streaming text that scrolls, clipped and wide text. */
function session(frame: number): Op[] {
  const streamed = Array.from({ length: 12 }, (_, i) => `line ${frame + i} lorem ipsum dolor sit amet`);
  return [
    ['write', 0, 0, `${bold('poem.mdx')} │ ${cyan('ok')} │ ${frame % 2 ? 'running' : 'paused'}`],
    ['write', 0, 1, border(40)],
    ['write', 0, 2, cyan('│')],
    ['write', 2, 2, `${dim('phase 1')} ${inverse(' GenText ')} 日本語のテキスト 🙂 done`],
    ['clip', { x1: 2, x2: 30, y1: 3, y2: 14 }],
    ['write', 2, 3, streamed.join('\n')],
    ['write', 0, 10, `${cyan('a very long styled line that the clip cuts at column thirty')} tail`],
    ['unclip'],
    ['clip', { y1: 15, y2: 17 }],
    ['write', 4, 14, 'above\nin clip one\nin clip two\nbelow'],
    ['unclip'],
    ['write', 1, 18, 'upper\ncase', [(line, index) => `${index}:${line.toUpperCase()}`]],
    ['write', 0, 22, 'taller\nthan\nthe\nscreen'],
    ['write', 0, 23, frame % 3 ? '' : 'sometimes'],
  ];
}

describe('the screen buffer (ink-patches/output)', () => {
  it('draws every frame of a session exactly as Ink does, with styles, borders, wide characters, clips and transforms', () => {
    for (let frame = 0; frame < 12; frame++) {
      expect(draw(Output, 60, 24, session(frame))).toEqual(draw(InkOutput, 60, 24, session(frame)));
    }
  });

  it('draws a plain frame as text without trailing spaces', () => {
    expect(draw(Output, 10, 3, [['write', 2, 1, 'hi'], ['write', 0, 2, cyan('ok')]])).toEqual({ output: `\n  hi\n${cyan('ok')}`, height: 3 });
  });

  it('matches Ink when the same lines move to other rows (streaming text scrolling up)', () => {
    const lines = Array.from({ length: 40 }, (_, i) => (i % 3 ? `row ${i}` : bold(`row ${i}`)));
    for (let top = 0; top < 30; top++) {
      const ops: Op[] = [['write', 0, 0, lines.slice(top, top + 10).join('\n')]];
      expect(draw(Output, 20, 10, ops)).toEqual(draw(InkOutput, 20, 10, ops));
    }
  });

  it('matches Ink on edge cases: text past the right edge, a negative row, wide characters cut by a clip, empty writes', () => {
    const cases: Op[][] = [
      [['write', 8, 0, 'overflowing the width']],
      [['write', 0, -1, 'first\nsecond\nthird']],
      [['clip', { x1: 1, x2: 4 }], ['write', 0, 0, '日本語テキスト\n🙂🙂🙂'], ['unclip']],
      [['clip', { x1: 0, x2: 5, y1: 0, y2: 1 }], ['write', 10, 5, 'outside'], ['unclip']],
      [['write', 0, 0, ''], ['write', 1, 1, cyan('')]],
      [['write', 0, 0, `${cyan('a')}${bold('b')}${cyan(bold('c'))}d`]],
    ];
    for (const ops of cases) expect(draw(Output, 12, 4, ops)).toEqual(draw(InkOutput, 12, 4, ops));
  });
});

describe('text measuring (ink-patches/measure-text, widest-line)', () => {
  const texts = ['', 'plain', 'two\nlines, wider', cyan('styled') + ' text', '日本語\nab', 'emoji 🙂 and tab\tend', '\u001b]8;;https://x.test\u0007link\u001b]8;;\u0007'];

  it('gives the widths string-width gives, line by line', () => {
    for (const text of texts) expect(widestLine(text)).toBe(Math.max(0, ...text.split('\n').map((line) => stringWidth(line))));
  });

  it('gives each text its width and height in lines', () => {
    expect(texts.map(measureText)).toEqual([
      { width: 0, height: 0 },
      { width: 5, height: 1 },
      { width: 12, height: 2 },
      { width: 11, height: 1 },
      { width: 6, height: 2 },
      { width: stringWidth('emoji 🙂 and tab\tend'), height: 1 },
      { width: 4, height: 1 },
    ]);
  });
});

describe('FrameCache', () => {
  it('keeps a value while the current or the last frame used it, and drops it after that', () => {
    const cache = new FrameCache<string>();
    let made = 0;
    const make = (key: string) => `${key}#${++made}`;
    expect(cache.get('a', make)).toBe('a#1');
    endFrame();
    expect(cache.get('a', make)).toBe('a#1'); // used last frame
    endFrame();
    endFrame(); // a whole frame that did not use it
    expect(cache.get('a', make)).toBe('a#2');
  });
});
