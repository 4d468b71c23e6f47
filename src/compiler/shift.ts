// Moves a cached chunk's tree to where the chunk now sits in the document. Chunks start
// at a line start, so only lines and offsets move, never columns.
import type { MdNode, Point } from './nodes.js';

type EstreeNode = { [key: string]: unknown };

/** Iterative, as is shiftEstree: a cached tree may be nested deeper than the call stack. */
export function shiftTree(root: MdNode, lines: number, offset: number): void {
  const nodes: MdNode[] = [root];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    shiftPosition(node.position, lines, offset);
    if (node.data?.estree) shiftEstree(node.data.estree as unknown as EstreeNode, lines, offset);
    for (const attribute of node.attributes ?? []) {
      shiftPosition(attribute.position, lines, offset);
      if (attribute.data?.estree) shiftEstree(attribute.data.estree as unknown as EstreeNode, lines, offset);
      const value = attribute.value;
      if (value && typeof value === 'object' && value.data?.estree) shiftEstree(value.data.estree as unknown as EstreeNode, lines, offset);
    }
    for (const child of node.children ?? []) nodes.push(child);
  }
}

function shiftPosition(position: { start: Point; end: Point } | undefined, lines: number, offset: number): void {
  if (!position) return;
  // fresh points: mdast builders may share point objects between nodes
  position.start = shiftPoint(position.start, lines, offset);
  position.end = shiftPoint(position.end, lines, offset);
}

function shiftPoint(point: Point, lines: number, offset: number): Point {
  return { line: point.line + lines, column: point.column, offset: point.offset === undefined ? undefined : point.offset + offset };
}

/** estree nodes from micromark each own their `loc` and `range`, so they move in place. */
function shiftEstree(root: EstreeNode, lines: number, offset: number): void {
  const nodes: EstreeNode[] = [root];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    if (typeof node.start === 'number') node.start += offset;
    if (typeof node.end === 'number') node.end += offset;
    const range = node.range as [number, number] | undefined;
    if (range) node.range = [range[0] + offset, range[1] + offset];
    const loc = node.loc as { start: Point; end: Point } | undefined;
    if (loc) {
      loc.start = shiftPoint(loc.start, lines, offset);
      loc.end = shiftPoint(loc.end, lines, offset);
    }
    for (const key in node) {
      if (key === 'loc' || key === 'range') continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof item === 'object' && typeof (item as EstreeNode).type === 'string') nodes.push(item as EstreeNode);
      } else if (value && typeof value === 'object' && typeof (value as EstreeNode).type === 'string') {
        nodes.push(value as EstreeNode);
      }
    }
  }
}
