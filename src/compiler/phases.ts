// Splits a scope's top-level nodes into phases at thematic breaks (docs/language.md §3).
import type { CompileContext } from './context.js';
import { endOf, isComment, lineOf, startOf, type MdNode } from './nodes.js';

export interface PhaseNodes {
  nodes: MdNode[];
  /** source range of the phase: first node start to last node end */
  start: number;
  end: number;
  line: number;
}

/** Phases of a scope; runs of breaks count as one and phases holding only comments are dropped. */
export function splitPhases(children: MdNode[], context: CompileContext): PhaseNodes[] {
  const phases: PhaseNodes[] = [];
  let current: MdNode[] = [];
  const close = () => {
    if (current.some((node) => !isComment(node))) {
      phases.push({ nodes: current, start: startOf(current[0]!), end: endOf(current[current.length - 1]!), line: lineOf(current[0]!) });
    }
    current = [];
  };
  for (const node of children) {
    if (node.type === 'yaml') continue;
    if (node.type === 'thematicBreak') {
      close();
      continue;
    }
    if (node.type === 'heading') warnSetextDashes(node, context);
    current.push(node);
  }
  close();
  return phases;
}

/**
 * `text` directly above `---` is a setext heading, not a phase break: a common
 * surprise, so say so where the author expected the break.
 */
function warnSetextDashes(node: MdNode, context: CompileContext): void {
  if (node.depth !== 2) return;
  const source = context.text.slice(startOf(node), endOf(node));
  const lastNewline = source.lastIndexOf('\n');
  if (lastNewline < 0) return;
  const underline = source.slice(lastNewline + 1);
  if (!/^[ \t]*-+[ \t]*$/.test(underline)) return;
  const line = lineOf(node) + countNewlines(source);
  const column = underline.indexOf('-') + 1;
  context.warning(
    'setext-heading',
    'this `---` turns the line above into a heading; put a blank line before it to start a new phase',
    line,
    column,
  );
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) count++;
  return count;
}
