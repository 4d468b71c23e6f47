// The visible part of a long text: wrapped to the width, `height` lines, `scroll` lines up
// from the bottom. It walks backwards from the end and stops as soon as it has enough,
// so a 1 MB output costs what the visible lines cost, not the whole text.

export interface TextWindow {
  lines: string[];
  /** more text above / below the window */
  above: boolean;
  below: boolean;
  /** the scroll actually applied (clamped at the top of the text) */
  scroll: number;
}

export function textWindow(text: string, width: number, height: number, scroll = 0): TextWindow {
  const columns = Math.max(1, width);
  const wanted = Math.max(0, scroll) + Math.max(1, height);
  const collected: string[] = []; // bottom-up
  let end = text.endsWith('\n') ? text.length - 1 : text.length;
  let reachedTop = false;
  while (collected.length < wanted) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\t/g, '  ').replace(/\r$/, '');
    const chunks = Math.max(1, Math.ceil(line.length / columns));
    // the last chunks of this line first, stopping when the window is full
    let chunk = chunks - 1;
    for (; chunk >= 0 && collected.length < wanted; chunk--) collected.push(line.slice(chunk * columns, (chunk + 1) * columns));
    if (start === 0 || end <= 0) {
      reachedTop = chunk < 0;
      break;
    }
    end = start - 1;
  }
  const total = collected.length;
  const applied = reachedTop ? Math.min(Math.max(0, scroll), Math.max(0, total - height)) : Math.max(0, scroll);
  const bottom = applied;
  const top = Math.min(total, applied + height);
  const lines = collected.slice(bottom, top).reverse();
  return { lines, above: !reachedTop || top < total, below: applied > 0, scroll: applied };
}

/** The first line of a value's text form, clipped to `width`. */
export function firstLine(text: string, width: number): string {
  const newline = text.indexOf('\n');
  const line = newline < 0 ? text : text.slice(0, newline);
  return line.length > width ? line.slice(0, Math.max(0, width - 1)) + '…' : line;
}
