// The screen buffer Ink draws each frame into: a rewrite of Ink's `Output` class
// (ink/build/output.js) with the same interface and the same result, which
// scripts/bundle-tui.js puts in place of Ink's own in the TUI bundle. While a model
// streams, Ink redraws the whole screen up to ten times a second and its `Output` redoes
// every line from scratch: it tokenizes each line's ANSI codes again, makes width × height new blank
// cells, and compares the styles of every pair of neighbouring cells with new Sets.
// This one keeps what the last frame computed and only redoes what changed:
// - a line seen in the last frame is not tokenized, measured or sliced again
//   (frame-cache.ts);
// - blank cells are one shared object;
// - a row made of the same cells as last frame's row reuses last frame's text;
// - styles are diffed only where two neighbouring cells' styles differ.
import sliceAnsi from 'slice-ansi';
import { ansiCodesToString, diffAnsiCodes, styledCharsFromTokens, tokenize } from '@alcalzone/ansi-tokenize';
import type { AnsiCode, StyledChar } from '@alcalzone/ansi-tokenize';
import { FrameCache, endFrame } from './frame-cache.js';
import widestLine, { lineWidth } from './widest-line.js';

type Clip = { x1?: number; x2?: number; y1?: number; y2?: number };
type Transformer = (line: string, index: number) => string;
type Operation = { type: 'write'; x: number; y: number; text: string; transformers: Transformer[] } | { type: 'clip'; clip: Clip } | { type: 'unclip' };

/** The cells each line covers: each character, and after a wide one the cells it hides. */
const lineCells = new FrameCache<StyledChar[]>();
const slices = new FrameCache<string>();
/** Last frame's rows: the cells each was made of and the text they gave. */
let lastRows: { cells: (StyledChar | undefined)[]; text: string }[] = [];

const NO_STYLES: AnsiCode[] = [];
const BLANK: StyledChar = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: NO_STYLES }) as StyledChar;

function slice(line: string, from: number, to: number): string {
  return slices.get(`${from}:${to}:${line}`, () => sliceAnsi(line, from, to));
}

function cellsOf(line: string): StyledChar[] {
  const cells: StyledChar[] = [];
  for (const cell of styledCharsFromTokens(tokenize(line))) {
    cells.push(cell);
    const width = Math.max(1, lineWidth(cell.value));
    for (let i = 1; i < width; i++) cells.push({ type: 'char', value: '', fullWidth: false, styles: cell.styles });
  }
  return cells;
}

function sameStyles(a: AnsiCode[], b: AnsiCode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;
  return true;
}

function sameCells(a: (StyledChar | undefined)[], b: (StyledChar | undefined)[] | undefined): boolean {
  if (b === undefined || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function rowText(cells: (StyledChar | undefined)[]): string {
  let text = '';
  let styles = NO_STYLES;
  for (const cell of cells) {
    if (cell === undefined) continue;
    if (!sameStyles(styles, cell.styles)) text += ansiCodesToString(diffAnsiCodes(styles, cell.styles));
    text += cell.value;
    styles = cell.styles;
  }
  if (styles.length > 0) text += ansiCodesToString(diffAnsiCodes(styles, NO_STYLES));
  return text.trimEnd();
}

export default class Output {
  readonly width: number;
  readonly height: number;
  private readonly operations: Operation[] = [];

  constructor({ width, height }: { width: number; height: number }) {
    this.width = width;
    this.height = height;
  }

  write(x: number, y: number, text: string, { transformers }: { transformers: Transformer[] }): void {
    if (text) this.operations.push({ type: 'write', x, y, text, transformers });
  }

  clip(clip: Clip): void {
    this.operations.push({ type: 'clip', clip });
  }

  unclip(): void {
    this.operations.push({ type: 'unclip' });
  }

  get(): { output: string; height: number } {
    const rows: (StyledChar | undefined)[][] = [];
    for (let y = 0; y < this.height; y++) rows.push(new Array<StyledChar>(this.width).fill(BLANK));
    const clips: Clip[] = [];
    for (const operation of this.operations) {
      if (operation.type === 'clip') clips.push(operation.clip);
      else if (operation.type === 'unclip') clips.pop();
      else this.draw(rows, operation, clips.at(-1));
    }
    const texts = rows.map((cells, y) => {
      const last = lastRows[y];
      return sameCells(cells, last?.cells) ? last.text : rowText(cells);
    });
    lastRows = rows.map((cells, y) => ({ cells, text: texts[y] }));
    endFrame();
    return { output: texts.join('\n'), height: rows.length };
  }

  private draw(rows: (StyledChar | undefined)[][], { text, transformers, ...at }: Operation & { type: 'write' }, clip: Clip | undefined): void {
    let { x, y } = at;
    let lines = text.split('\n');
    if (clip) {
      const clipsX = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
      const clipsY = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
      // wholly outside the clip: nothing to draw
      if (clipsX && (x + widestLine(text) < clip.x1! || x > clip.x2!)) return;
      if (clipsY && (y + lines.length < clip.y1! || y > clip.y2!)) return;
      if (clipsX) {
        const { x1, x2 } = clip as Required<Clip>;
        lines = lines.map((line) => {
          const width = lineWidth(line);
          return slice(line, x < x1 ? x1 - x : 0, x + width > x2 ? x2 - x : width);
        });
        if (x < x1) x = x1;
      }
      if (clipsY) {
        const { y1, y2 } = clip as Required<Clip>;
        lines = lines.slice(y < y1 ? y1 - y : 0, y + lines.length > y2 ? y2 - y : lines.length);
        if (y < y1) y = y1;
      }
    }
    let drawn = 0;
    lines.forEach((original, index) => {
      // as Ink does: once a line falls outside the screen, no later line is drawn
      const row = rows[y + drawn];
      if (!row) return;
      drawn++;
      let line = original;
      for (const transform of transformers) line = transform(line, index);
      const cells = lineCells.get(line, cellsOf);
      for (let i = 0; i < cells.length; i++) row[x + i] = cells[i];
    });
  }
}
