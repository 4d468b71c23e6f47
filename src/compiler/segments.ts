// A step's content: the author's source text sliced by offsets (never re-serialised),
// with comments cut out and each `{expr}` turned into an expression segment.
import type { CompileContext } from './context.js';
import { AS_WRITTEN, mayNeedCode, sandboxCode } from './expression-code.js';
import { singleExpression } from './expressions.js';
import type { NameScope } from './names.js';
import { columnOf, endOf, isComment, isElement, isExpression, lineOf, startOf, type MdNode } from './nodes.js';
import { actionName, isCapitalised } from './registry.js';
import { suggest } from './suggest.js';
import { noteUsedNames } from './used-names.js';
import type { Segment } from './types.js';

interface Mark {
  start: number;
  end: number;
  /** null for a cut (a comment) */
  expression: Extract<Segment, { kind: 'expr' }> | null;
}

export interface ContentScope {
  names: NameScope;
  /** remove this much common indentation from every line (a Loop/Cond body) */
  dedent?: boolean;
  /** a fragment's text: its expressions are used where the include() is, with its helpers */
  include?: { offset: number; helpers: ReadonlySet<string>; ownLoop: boolean };
}

/** Segments for the source range [start, end) holding `nodes`, trimmed of surrounding blank lines. */
export function buildSegments(context: CompileContext, start: number, end: number, nodes: MdNode[], scope: ContentScope): Segment[] {
  const marks: Mark[] = [];
  for (const node of nodes) collectMarks(node, context, scope, marks);
  const { text } = context;
  const segments: Segment[] = [];
  // a body's first line starts at its indentation: include it so it dedents like the rest
  let position = scope.dedent ? lineStartBefore(text, start) : start;
  let pending = '';
  for (const mark of marks) {
    if (mark.expression === null) {
      const [cutStart, cutEnd] = widenCut(text, mark.start, mark.end, position, end);
      pending += text.slice(position, cutStart);
      position = cutEnd;
      continue;
    }
    pending += text.slice(position, mark.start);
    if (pending) segments.push({ kind: 'text', text: pending });
    pending = '';
    segments.push(mark.expression);
    position = mark.end;
  }
  pending += text.slice(position, end);
  if (pending) segments.push({ kind: 'text', text: pending });
  if (scope.dedent) dedent(segments);
  return trim(segments);
}

function collectMarks(node: MdNode, context: CompileContext, scope: ContentScope, marks: Mark[]): void {
  if (isComment(node)) {
    marks.push({ start: startOf(node), end: endOf(node), expression: null });
    return;
  }
  if (isExpression(node)) {
    const line = lineOf(node);
    const column = columnOf(node);
    const program = node.data?.estree;
    const source = node.value ?? '';
    const start = startOf(node);
    const end = endOf(node);
    const block = node.type === 'mdxFlowExpression' && aloneOnLines(context.text, start, end);
    const expression: Extract<Segment, { kind: 'expr' }> = { kind: 'expr', source, block, line, column };
    if (singleExpression(program, context, line, column, 'this expression') && program) {
      const { names, include } = scope;
      const offset = include?.offset ?? start;
      const used = include ? names.use(program, source, offset, include.helpers, include.ownLoop) : names.use(program, source, offset);
      const compiled = mayNeedCode(source)
        ? sandboxCode(program, source, { context, names, offset, helpers: include?.helpers ?? names.helpers, ownLoop: include?.ownLoop ?? false })
        : AS_WRITTEN;
      if (compiled.code !== undefined) expression.code = compiled.code;
      noteUsedNames(expression, compiled.used.length ? [...used, ...compiled.used] : used);
    }
    marks.push({ start, end, expression });
    return;
  }
  if (node.type === 'mdxjsEsm') {
    context.error(
      'esm-statement',
      'import/export statements are not supported in a workflow: remove it, or reword the line so it does not start with `import` or `export`',
      lineOf(node),
      columnOf(node),
    );
    return;
  }
  if (isElement(node)) checkNestedElement(node, context);
  for (const child of node.children ?? []) collectMarks(child, context, scope, marks);
}

/** Elements inside content are text, unless they name an action that cannot be here. */
function checkNestedElement(node: MdNode, context: CompileContext): void {
  const name = node.name ?? '';
  const hasAs = (node.attributes ?? []).some((a) => a.name === 'as');
  const action = actionName(name, hasAs, context.registry);
  if (action !== null) {
    const where =
      node.type === 'mdxJsxTextElement'
        ? 'is inside a paragraph: put it on its own line with a blank line before and after'
        : 'is nested inside other markup: move it to the top level of the workflow (or of a Loop/Cond body)';
    context.error('inline-action', `<${name}> ${where}`, lineOf(node), columnOf(node));
    return;
  }
  if (name && isCapitalised(name)) reportUnknownAction(name, node, context);
}

export function reportUnknownAction(name: string, node: MdNode, context: CompileContext): void {
  const known = [...context.registry.specs.keys()];
  const close = suggest(name, known);
  const fix = close ? `did you mean \`<${close}>\`?` : `known actions are ${known.map((k) => `<${k}>`).join(', ')}; lower-case tags like <example> are kept as text`;
  context.error('unknown-action', `unknown action \`<${name}>\`; ${fix}`, lineOf(node), columnOf(node));
}


/** The start of the line holding `offset` when only spaces precede it there, else `offset`. */
function lineStartBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return i === 0 || text[i - 1] === '\n' ? i : offset;
}

/** Whether [start, end) has only whitespace before it and after it on its lines. */
export function aloneOnLines(text: string, start: number, end: number): boolean {
  for (let i = start - 1; i >= 0 && text[i] !== '\n'; i--) if (text[i] !== ' ' && text[i] !== '\t') return false;
  for (let i = end; i < text.length && text[i] !== '\n' && text[i] !== '\r'; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}

/**
 * A comment alone on its lines takes those whole lines with it, and one of the blank
 * lines around it, so removing a note does not leave a gap in the prompt.
 */
function widenCut(text: string, start: number, end: number, floor: number, ceiling: number): [number, number] {
  if (!aloneOnLines(text, start, end)) return [start, end];
  let cutStart = start;
  while (cutStart > floor && text[cutStart - 1] !== '\n') cutStart--;
  let cutEnd = end;
  while (cutEnd < ceiling && text[cutEnd] !== '\n') cutEnd++;
  if (cutEnd < ceiling) cutEnd++;
  // blank line before the cut and another after it: drop the one after
  const blankBefore = cutStart >= floor + 2 && text[cutStart - 1] === '\n' && isBlankLineEndingAt(text, cutStart - 1, floor);
  if (blankBefore) {
    let next = cutEnd;
    while (next < ceiling && (text[next] === ' ' || text[next] === '\t' || text[next] === '\r')) next++;
    if (next < ceiling && text[next] === '\n') cutEnd = next + 1;
  }
  return [cutStart, cutEnd];
}

/** Whether the line that ends with the newline at `newline` is blank. */
function isBlankLineEndingAt(text: string, newline: number, floor: number): boolean {
  for (let i = newline - 1; i >= floor; i--) {
    const c = text[i];
    if (c === '\n') return true;
    if (c !== ' ' && c !== '\t' && c !== '\r') return false;
  }
  return false;
}

/** Drops leading blank lines and trailing whitespace. */
export function trim(segments: Segment[]): Segment[] {
  while (segments.length > 0) {
    const first = segments[0]!;
    if (first.kind !== 'text') break;
    const text = first.text.replace(/^(?:[ \t]*\r?\n)+/, '');
    if (/^\s*$/.test(text)) {
      segments.shift();
      continue;
    }
    segments[0] = { kind: 'text', text };
    break;
  }
  while (segments.length > 0) {
    const last = segments[segments.length - 1]!;
    if (last.kind !== 'text') break;
    // trimEnd, not /\s+$/: the regex tries every start in a run of spaces (100 KB of them: 12 s)
    const text = last.text.trimEnd();
    if (text === '') {
      segments.pop();
      continue;
    }
    segments[segments.length - 1] = { kind: 'text', text };
    break;
  }
  return segments;
}

/**
 * Removes the indentation every non-blank line shares (bodies are usually indented under their tag).
 * `startsLine` false: the first line follows other text (a fragment's `<>`) and does not count.
 */
export function dedent(segments: Segment[], startsLine = true): void {
  let common = Infinity;
  let atLineStart = startsLine;
  segments.forEach((segment, segmentIndex) => {
    if (segment.kind !== 'text') {
      if (atLineStart) common = 0;
      atLineStart = false;
      return;
    }
    const pieces = segment.text.split('\n');
    pieces.forEach((piece, index) => {
      if (index === 0 && !atLineStart) return;
      const indent = /^[ \t]*/.exec(piece)![0].length;
      const last = index === pieces.length - 1;
      // a whitespace-only line is blank, unless an expression follows on the same line
      if (indent < piece.length || (last && segmentIndex < segments.length - 1)) common = Math.min(common, indent);
    });
    atLineStart = false;
  });
  if (!Number.isFinite(common) || common === 0) return;
  atLineStart = startsLine;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    if (segment.kind !== 'text') {
      atLineStart = false;
      continue;
    }
    const pieces = segment.text.split('\n').map((piece, index) => (index === 0 && !atLineStart ? piece : stripIndent(piece, common)));
    segments[i] = { kind: 'text', text: pieces.join('\n') };
    atLineStart = false;
  }
}

function stripIndent(line: string, count: number): string {
  let i = 0;
  while (i < count && i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
  return line.slice(i);
}
