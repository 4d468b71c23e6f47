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

/** How many columns the text takes. */
export function columnWidth(text: string): number {
  return isPlainAscii(text) ? text.length : stringWidth(text);
}

/**
 * A line cut into pieces of at most `columns` columns (at least one piece, '' for an empty
 * line), never splitting a character; at most `most` pieces, from the start.
 */
export function splitColumns(line: string, columns: number, most = Infinity): string[] {
  const size = Math.max(1, columns);
  const pieces: string[] = [];
  if (isPlainAscii(line)) {
    for (let at = 0; (at === 0 || at < line.length) && pieces.length < most; at += size) pieces.push(line.slice(at, at + size));
    return pieces;
  }
  let piece = '';
  let used = 0;
  for (const { segment } of graphemes.segment(line)) {
    const width = segment.length === 1 && isPlainAscii(segment) ? 1 : stringWidth(segment);
    if (used + width > size && piece) {
      pieces.push(piece);
      if (pieces.length >= most) return pieces;
      piece = '';
      used = 0;
    }
    piece += segment;
    used += width;
  }
  pieces.push(piece);
  return pieces;
}

/** The text cut to `width` columns, ending in `…` when it was longer. */
export function clipColumns(text: string, width: number): string {
  if (width <= 0) return '';
  if (columnWidth(text) <= width) return text;
  return splitColumns(text, Math.max(1, width - 1), 1)[0]! + '…';
}
