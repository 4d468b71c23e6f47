// Offsets in a text to 1-based lines and columns, and back: what every diagnostic needs.

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  /** A 1-based line and column that is always inside the text, even for an offset at its very end. */
  place(offset: number): { line: number; column: number } {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    // the empty "line" after a final newline is not a line of the text
    if (low > 0 && this.starts[low] === this.text.length) low -= 1;
    const lineEnd = low + 1 < this.starts.length ? this.starts[low + 1]! - 1 : this.text.length;
    return { line: low + 1, column: Math.min(clamped, lineEnd) - this.starts[low]! + 1 };
  }

  /** The offset of a 1-based line and column, clamped to the text. */
  offsetOf(line: number, column: number): number {
    const index = Math.min(Math.max(line, 1), this.starts.length) - 1;
    return Math.min(this.starts[index]! + Math.max(column, 1) - 1, this.text.length);
  }
}
