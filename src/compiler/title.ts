// The workflow's title (docs/language.md §2): frontmatter `title`, else a leading heading,
// else the file name.
import { isComment, type MdNode } from './nodes.js';

export function workflowTitle(frontmatterTitle: string | undefined, children: MdNode[], file: string): string {
  if (frontmatterTitle !== undefined && frontmatterTitle.trim() !== '') return frontmatterTitle;
  // the author's notes are not part of the document, so a heading after a note still counts
  const first = children.find((node) => node.type !== 'yaml' && !isComment(node));
  if (first?.type === 'heading') {
    const text = plainText(first).trim();
    if (text) return text;
  }
  return fileTitle(file);
}

/** `flows/poem.mdx` -> `poem` */
export function fileTitle(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

function plainText(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') return isComment(node) ? '' : `{${node.value ?? ''}}`;
  return (node.children ?? []).map(plainText).join('');
}
