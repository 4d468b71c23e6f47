// Guards for the frontmatter's YAML: the yaml package composes nested collections
// recursively and checks duplicate keys with a scan per key (quadratic in a map's
// size), so nesting is measured before parsing and duplicates are found here, in one
// pass with a Set per map, without recursion.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { MAX_YAML_NESTING } from './limits.js';

/**
 * The offset where the YAML nests more than MAX_YAML_NESTING levels, or -1. Block
 * levels are counted by indentation (and `- ` markers), flow levels by open brackets
 * outside quotes and comments; a close estimate of what the composer recurses on.
 */
export function yamlNestingOffset(source: string): number {
  const indents: number[] = [];
  let flow = 0;
  let lineStart = 0;
  while (lineStart < source.length) {
    let lineEnd = source.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = source.length;
    let i = lineStart;
    if (flow === 0) {
      while (i < lineEnd && source[i] === ' ') i++;
      const blank = i === lineEnd || source[i] === '#';
      if (!blank) {
        const indent = i - lineStart;
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        // `- - - x` opens a level per marker
        while (source[i] === '-' && (source[i + 1] === ' ' || i + 1 === lineEnd)) {
          indents.push(indent + i - lineStart + 1);
          i += 2;
          while (i < lineEnd && source[i] === ' ') i++;
        }
        if (indents.length > MAX_YAML_NESTING) return i;
      }
    }
    for (; i < lineEnd; i++) {
      const c = source[i];
      if (c === '#' && (i === lineStart || source[i - 1] === ' ' || source[i - 1] === '\t')) break;
      if (c === '"' || c === "'") {
        i = quoteEnd(source, i, lineEnd);
        continue;
      }
      if (c === '[' || c === '{') {
        flow++;
        if (flow + indents.length > MAX_YAML_NESTING) return i;
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    lineStart = lineEnd + 1;
  }
  return -1;
}

/** Where the quoted string opened at `open` ends on its line (unclosed: the line's end). */
function quoteEnd(source: string, open: number, lineEnd: number): number {
  const quote = source[open];
  for (let i = open + 1; i < lineEnd; i++) {
    if (quote === '"' && source[i] === '\\') i++;
    else if (source[i] === quote) {
      if (quote === "'" && source[i + 1] === "'") i++;
      else return i;
    }
  }
  return lineEnd;
}

/** Offsets of keys that repeat an earlier key of the same map (scalar keys, by value). */
export function duplicateKeyOffsets(doc: Document.Parsed): number[] {
  const offsets: number[] = [];
  const nodes: unknown[] = [doc.contents];
  while (nodes.length > 0) {
    const node = nodes.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (isScalar(key)) {
          if (seen.has(key.value)) offsets.push(key.range ? key.range[0] : 0);
          seen.add(key.value);
        }
        nodes.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) nodes.push(isPair(item) ? item.value : item);
    }
  }
  return offsets.sort((a, b) => a - b);
}

/** The first alias (`*name`) inside `node`, by position, or null. */
export function firstAlias(node: Node): Node | null {
  let first: Node | null = null;
  const nodes: unknown[] = [node];
  while (nodes.length > 0) {
    const current = nodes.pop();
    if (isAlias(current)) {
      if (!first || (current.range?.[0] ?? 0) < (first.range?.[0] ?? 0)) first = current;
    } else if (isMap(current)) {
      for (const pair of current.items) nodes.push(pair.key, pair.value);
    } else if (isSeq(current)) {
      for (const item of current.items) nodes.push(isPair(item) ? item.value : item);
    }
  }
  return first;
}
