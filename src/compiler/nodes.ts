// A loose view of the mdast tree remark-mdx produces. The compiler reads only a few
// fields, and one shape for every node keeps the walkers simple and fast.
import type { Program } from 'estree';

export interface Point {
  line: number;
  column: number;
  offset?: number;
}

export interface MdAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  /** a string literal, null for a bare attribute, or an expression value */
  value?: string | null | { type: string; value: string; data?: { estree?: Program | null } };
  data?: { estree?: Program | null };
  position?: { start: Point; end: Point };
}

export interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  name?: string | null;
  attributes?: MdAttribute[];
  children?: MdNode[];
  data?: { estree?: Program | null };
  position?: { start: Point; end: Point };
}

export function startOf(node: { position?: { start: Point } }): number {
  return node.position?.start.offset ?? 0;
}

export function endOf(node: { position?: { end: Point } }): number {
  return node.position?.end.offset ?? 0;
}

export function lineOf(node: { position?: { start: Point } }): number {
  return node.position?.start.line ?? 1;
}

export function columnOf(node: { position?: { start: Point } }): number {
  return node.position?.start.column ?? 1;
}

export function isExpression(node: MdNode): boolean {
  return node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression';
}

/** `{/* note *\/}`: an expression holding nothing but comments. */
export function isCommentExpression(node: MdNode): boolean {
  const program = node.data?.estree;
  return isExpression(node) && !!program && program.body.length === 0 && (program.comments?.length ?? 0) > 0;
}

/** Author's notes: blockquotes and comment expressions never reach a model. */
export function isComment(node: MdNode): boolean {
  return node.type === 'blockquote' || isCommentExpression(node);
}

export function isElement(node: MdNode): boolean {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}
