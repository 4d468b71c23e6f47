// ANSI styles for the command line's own output (check, headless runs). Each takes the
// text and returns it styled, or unchanged when colour is off.
export type Paint = (text: string) => string;

const style = (open: number, close: number): Paint => (text) => `\u001b[${open}m${text}\u001b[${close}m`;
const plain: Paint = (text) => text;

export interface Palette {
  red: Paint;
  yellow: Paint;
  green: Paint;
  cyan: Paint;
  dim: Paint;
  bold: Paint;
}

const COLOURS: Palette = {
  red: style(31, 39),
  yellow: style(33, 39),
  green: style(32, 39),
  cyan: style(36, 39),
  dim: style(2, 22),
  bold: style(1, 22),
};

const NONE: Palette = { red: plain, yellow: plain, green: plain, cyan: plain, dim: plain, bold: plain };

export function palette(color: boolean): Palette {
  return color ? COLOURS : NONE;
}
