// Text measured in terminal columns, not characters: a CJK character or most emoji take
// two columns, a combining accent none. Every place that wraps or clips text for the
// screen goes through here, so a wide character never pushes a line past its box.
// Printable ASCII (nearly all text) takes the fast path of one column per character.
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter();

/** Only printable ASCII: one column per character. */
export function isPlainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code >= 0x7f) return false;
  }
  return true;
}

// Control characters (ESC, CR, BEL, ...) are never written to the terminal as they are: a
// model's output or a prompt holding `\x1b[2J` or a bare `\r` would move the cursor or
// restyle the screen. They show as their Unicode control pictures (␛, ␍, ␇) instead.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/g;

/** The text with each control character (not \t or \n) shown as a visible symbol, and tabs as two spaces. */
export function printable(text: string): string {
  if (isPlainAscii(text)) return text;
  return text.replace(/\t/g, '  ').replace(CONTROL, (char) => {
    const code = char.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '␡' : '�';
  });
}

/** How many columns the text takes. */
export function columnWidth(text: string): number {
  return isPlainAscii(text) ? text.length : stringWidth(text);
}

/**
 * A line wrapped into pieces of at most `columns` columns (at least one piece, '' for an
 * empty line): at the last space that fits, or inside a word too long for a line (and
 * anywhere in text without spaces, such as Chinese or Japanese); never inside a
 * character. A space where a line breaks stays at the end of the first line, unless it
 * is the one that did not fit. At most `most` pieces, from the start.
 */
export function wrapColumns(text: string, columns: number, most = Infinity): string[] {
  // a line ending in \r\n (a model answering with Windows line ends) keeps no ␍
  const line = printable(text.replace(/\r$/, ''));
  const size = Math.max(1, columns);
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  /** where the piece may break: just after its last space, and the columns up to there */
  let breakAt = -1;
  let usedAtBreak = 0;
  const units = isPlainAscii(line) ? line : Array.from(graphemes.segment(line), (part) => part.segment);
  for (const unit of units) {
    const width = unit.length === 1 && isPlainAscii(unit) ? 1 : stringWidth(unit);
    if (used + width > size && piece) {
      if (unit === ' ') {
        pieces.push(piece);
        piece = '';
        used = 0;
      } else if (breakAt > 0) {
        pieces.push(piece.slice(0, breakAt));
        piece = piece.slice(breakAt);
        used -= usedAtBreak;
      } else {
        pieces.push(piece);
        piece = '';
        used = 0;
      }
      breakAt = -1;
      if (pieces.length >= most) return pieces;
      if (unit === ' ') continue;
    }
    piece += unit;
    used += width;
    if (unit === ' ') {
      breakAt = piece.length;
      usedAtBreak = used;
    }
  }
  pieces.push(piece);
  return pieces;
}

/** The text cut to `width` columns, ending in `…` when it was longer. */
export function clipColumns(shown: string, width: number): string {
  if (width <= 0) return '';
  const text = printable(shown.replace(/\r$/, ''));
  if (columnWidth(text) <= width) return text;
  return hardCut(text, Math.max(1, width - 1)) + '…';
}

/** The start of a text that fits in `width` columns, cut anywhere but inside a character. */
function hardCut(text: string, width: number): string {
  if (isPlainAscii(text)) return text.slice(0, width);
  let cut = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const columns = stringWidth(segment);
    if (used + columns > width) break;
    cut += segment;
    used += columns;
  }
  return cut;
}
