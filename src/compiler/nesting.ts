// Depth guards. The compiler's walkers recurse, as the parsers do; a document or an
// expression nested beyond the limits in limits.ts is cut there with one positioned
// diagnostic, so no walk after these guards can run out of call stack.
import type { Program } from 'estree';
import { MAX_EXPRESSION_NESTING, MAX_MARKDOWN_NESTING } from './limits.js';
import { columnOf, lineOf, type MdNode } from './nodes.js';
import type { Diagnostic } from './types.js';

export const NESTING_RULE = 'nesting-depth';

export interface LimitedTree {
  root: MdNode;
  /** the diagnostic for the first node nested beyond the limit, or null when none is */
  diagnostic: Diagnostic | null;
}

/**
 * The tree with the children of nodes at the depth limit dropped, and where the first
 * cut was. The parser's trees are cached and shared, so a cut tree is a copy.
 */
export function limitMarkdownNesting(root: MdNode): LimitedTree {
  const deep = firstTooDeep(root);
  if (deep === null) return { root, diagnostic: null };
  const diagnostic = nestingDiagnostic(
    MAX_MARKDOWN_NESTING,
    `${describe(deep)} is inside ${MAX_MARKDOWN_NESTING} levels of lists, quotes, emphasis or tags`,
    'take it out of some of the levels around it',
    lineOf(deep),
    columnOf(deep),
  );
  return { root: copyTo(root, 0), diagnostic };
}

/** The first node, in document order, deeper than the limit (iterative: the tree may be deeper than the stack). */
function firstTooDeep(root: MdNode): MdNode | null {
  const nodes: MdNode[] = [root];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > MAX_MARKDOWN_NESTING) return node;
    const children = node.children;
    if (!children) continue;
    for (let i = children.length - 1; i >= 0; i--) {
      nodes.push(children[i]!);
      depths.push(depth + 1);
    }
  }
  return null;
}

/** A copy down to the limit: its recursion is bounded by MAX_MARKDOWN_NESTING. */
function copyTo(node: MdNode, depth: number): MdNode {
  if (!node.children) return node;
  if (depth === MAX_MARKDOWN_NESTING) return { ...node, children: [] };
  return { ...node, children: node.children.map((child) => copyTo(child, depth + 1)) };
}

function describe(node: MdNode): string {
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') return node.name ? `this <${node.name}>` : 'this fragment';
  if (node.type === 'text' || node.type === 'paragraph') return 'this text';
  return `this ${node.type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()}`;
}

/**
 * Where an expression nests deeper than the limit, or null. Acorn's own recursion
 * stops far deeper expressions at parse time; this keeps the compiler's walks (and
 * the sandbox's) well inside the stack for the ones it accepts.
 */
export function expressionTooDeep(program: Program): { line: number; column: number } | null {
  const nodes: unknown[] = [program];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop() as Record<string, unknown>;
    const depth = depths.pop()!;
    if (depth > MAX_EXPRESSION_NESTING) {
      const start = (node.loc as { start?: { line: number; column: number } } | undefined)?.start;
      return { line: start?.line ?? 1, column: (start?.column ?? 0) + 1 };
    }
    for (const key in node) {
      if (key === 'loc' || key === 'range' || key === 'comments') continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (const item of value) {
          if (item && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') {
            nodes.push(item);
            depths.push(depth + 1);
          }
        }
      } else if (value && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') {
        nodes.push(value);
        depths.push(depth + 1);
      }
    }
  }
  return null;
}

export function nestingDiagnostic(limit: number, what: string, fix: string, line: number, column: number): Diagnostic {
  return { severity: 'error', rule: NESTING_RULE, message: `nested more than ${limit} levels: ${what}; ${fix}`, line, column };
}
