// Which part of a list of items of different heights to show, so the selected item is on
// screen: the phase list and the input form scroll the same way.

/** The first item to render so the selected item is visible, moving as little as possible. */
export function windowStart(heights: number[], selected: number, previous: number, height: number): number {
  let top = Math.min(Math.max(0, previous), Math.max(0, heights.length - 1));
  if (selected >= 0 && selected < top) top = selected;
  const span = (from: number, to: number) => heights.slice(from, to + 1).reduce((sum, h) => sum + h, 0);
  while (selected >= 0 && top < selected && span(top, selected) > height) top++;
  // no empty space at the bottom while there is something above to show
  while (top > 0 && span(top - 1, heights.length - 1) <= height) top--;
  return top;
}
