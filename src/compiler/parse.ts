// The MDX parser, built once: building a unified processor per compile costs more
// than parsing a small workflow.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import type { MdNode } from './nodes.js';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMdx);

/** The mdast root of an MDX document. Throws the parser's VFileMessage on a syntax error. */
export function parseMdx(text: string): MdNode {
  return processor.parse(text) as unknown as MdNode;
}
