// "Did you mean ...?" for unknown names, action names, keys and types.

/** A candidate that differs from the name only by letter case beats any real edit. */
const CASE_ONLY = 0.5;

/**
 * The candidate closest to `name` by optimal-string-alignment distance (insert,
 * delete, substitute, swap two neighbours), or undefined when none is close enough:
 * at most max(1, floor(name.length / 3)) edits, and fewer than the longer one's length
 * (replacing all of `x` by `$` is no suggestion). Ties go to the earliest candidate.
 */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(name.length / 3));
  const lowerName = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === name) continue;
    let distance: number;
    if (candidate.toLowerCase() === lowerName) distance = CASE_ONLY;
    else if (Math.abs(candidate.length - name.length) > limit) continue;
    else distance = alignmentDistance(name, candidate, limit);
    if (distance <= limit && distance < Math.max(name.length, candidate.length) && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal string alignment distance; stops early once every path exceeds `limit`. */
function alignmentDistance(a: string, b: string, limit: number): number {
  const width = b.length + 1;
  // three rolling rows: two rows back (for swaps), previous, current
  let twoBack = new Array<number>(width).fill(0);
  let previous = new Array<number>(width);
  let current = new Array<number>(width);
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < width; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, twoBack[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return rowMin;
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous[b.length]!;
}
