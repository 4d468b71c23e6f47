// A fast path for the MDX parse of one phase chunk. micromark spends ~1 µs a byte on
// MDX; most workflow phases use a tiny part of the language: plain paragraphs with
// `{expr}`, one-line `> notes`, self-closing action elements and `{expr}` blocks. For a
// chunk made only of those, this builds the very tree remark-mdx would (estree included,
// positions exact); anything else, or anything it is unsure of, returns null and the
// chunk goes through the real parser. test/compiler/fast-parse.test.ts compares both on
// thousands of variants, every example and every fixture.
import { Parser, type Options as AcornOptions } from 'acorn';
import acornJsx from 'acorn-jsx';
import type { Program } from 'estree';
import type { MdAttribute, MdNode, Point } from './nodes.js';

// the parser and options remark-mdx (micromark-extension-mdxjs) uses by default
const JsxParser = Parser.extend(acornJsx());
const ACORN_OPTIONS = { ecmaVersion: 2024, sourceType: 'module', preserveParens: true } as const;

/** Characters that could start or change markdown inline syntax, or need decoding. */
const INLINE_SYNTAX = /[<&\\*_`[\]}\t\r]/;
const ASCII_PUNCTUATION = /[!-\/:-@[-`{-~]/;
/** Line starts that could open a block other than a paragraph (or be an ESM statement). */
const BLOCK_START = /^(?:[#>\-+*=<~|{0-9 ]|``|import\b|export\b)/;
const NAME = /^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*/;
const ATTRIBUTE_NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** Words acorn does not read as a plain Identifier in a module (literals, keywords, reserved words). */
const NOT_IDENTIFIERS = new Set(
  ('true false null this super new typeof void delete in instanceof await yield async let static of ' +
    'break case catch class const continue debugger default do else enum export extends finally for function if ' +
    'import return switch throw try var while with implements interface package private protected public arguments eval')
    .split(' '),
);

interface Line {
  text: string;
  /** 1-based line number and 0-based offset of the first character */
  line: number;
  offset: number;
}

/**
 * The chunk's tree as remark-mdx would parse it alone, placed as if the chunk began at
 * `line` and `offset` of the document; null when the chunk is outside the fast subset.
 */
export function fastParse(text: string, line = 1, offset = 0): MdNode | null {
  if (text.includes('\r') || text.includes('\t')) return null;
  const lines = splitLines(text, line, offset);
  const children: MdNode[] = [];
  let from = 0;
  if (text.startsWith('---')) {
    // frontmatter, when this is the document's start; alone, a phase chunk would read as one too
    if (offset !== 0) return null;
    from = frontmatter(lines, children);
    if (from === -1) return null;
  }
  let block: Line[] = [];
  for (const line of lines.slice(from)) {
    if (line.text === '') {
      if (block.length && !addBlock(block, children)) return null;
      block = [];
    } else {
      if (line.text.trim() === '') return null;
      block.push(line);
    }
  }
  if (block.length && !addBlock(block, children)) return null;
  const last = lines[lines.length - 1]!;
  return {
    type: 'root',
    children,
    position: { start: point(line, 1, offset), end: point(last.line, last.text.length + 1, last.offset + last.text.length) },
  };
}

function splitLines(text: string, firstLine: number, firstOffset: number): Line[] {
  const lines: Line[] = [];
  let at = 0;
  let line = firstLine;
  for (;;) {
    const end = text.indexOf('\n', at);
    if (end === -1) {
      lines.push({ text: text.slice(at), line, offset: firstOffset + at });
      return lines;
    }
    lines.push({ text: text.slice(at, end), line, offset: firstOffset + at });
    at = end + 1;
    line++;
  }
}

/** The yaml node of `---` ... `---` at the top; returns the index of the line after it, or -1. */
function frontmatter(lines: Line[], children: MdNode[]): number {
  if (lines[0]!.text !== '---') return -1;
  for (let i = 1; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (!text.startsWith('---')) continue;
    // `--- ` or `----` may or may not close it: leave those to micromark
    if (text !== '---') return -1;
    const value = lines.slice(1, i).map((line) => line.text).join('\n');
    children.push({ type: 'yaml', value, position: span(lines[0]!, 0, lines[i]!, 3) });
    return i + 1;
  }
  return -1;
}

function addBlock(block: Line[], children: MdNode[]): boolean {
  const first = block[0]!;
  const node =
    block.length === 1 && first.text === '---'
      ? { type: 'thematicBreak', position: span(first, 0, first, 3) }
      : first.text.startsWith('>')
        ? blockquote(block)
        : first.text.startsWith('#')
          ? block.length === 1 ? heading(first) : null
        : first.text.startsWith('<')
          ? block.length === 1 ? element(first) : null
          : first.text.startsWith('{')
            ? block.length === 1 ? flowExpression(first) : null
            : paragraph(block, 0);
  if (!node) return false;
  children.push(node);
  return true;
}

/** `> text` lines: a blockquote holding one paragraph of plain text. */
function blockquote(block: Line[]): MdNode | null {
  for (const line of block) if (!line.text.startsWith('> ')) return null;
  const inner = paragraph(block, 2, false);
  if (!inner) return null;
  const last = block[block.length - 1]!;
  return { type: 'blockquote', children: [inner], position: span(block[0]!, 0, last, last.text.length) };
}

/** Paragraph lines (from column `indent`): plain text, `code` spans and (when `expressions`) `{expr}`. */
function paragraph(block: Line[], indent: number, expressions = true): MdNode | null {
  const children: MdNode[] = [];
  // text runs across line endings: one text node until the next expression or code span
  let textStart: { line: Line; column: number } | null = null;
  let textValue = '';
  const closeText = (line: Line, column: number) => {
    if (textStart && textValue) children.push({ type: 'text', value: textValue, position: span(textStart.line, textStart.column, line, column) });
    textStart = null;
    textValue = '';
  };
  for (let i = 0; i < block.length; i++) {
    const line = block[i]!;
    const content = line.text.slice(indent);
    if (content === '' || BLOCK_START.test(content) || content.endsWith(' ')) return null;
    if (i > 0) {
      if (!textStart) textStart = { line: block[i - 1]!, column: block[i - 1]!.text.length };
      textValue += '\n';
    }
    let column = indent;
    while (column < line.text.length) {
      // the next `{expr}` or `code` span, whichever starts first
      const open = nextOpen(line.text, column);
      const stop = open === -1 ? line.text.length : open;
      if (stop > column) {
        const piece = plainText(line.text.slice(column, stop));
        if (piece === null) return null;
        if (!textStart) textStart = { line, column };
        textValue += piece;
      }
      if (open === -1) break;
      const code = line.text[open] === '`';
      const close = line.text.indexOf(code ? '`' : '}', open + 1);
      if (close === -1 || (!code && !expressions)) return null;
      closeText(line, open);
      const node = code ? codeNode(line, open, close) : expressionNode('mdxTextExpression', line, open, close);
      if (!node) return null;
      children.push(node);
      column = close + 1;
    }
  }
  const last = block[block.length - 1]!;
  closeText(last, last.text.length);
  return { type: 'paragraph', children, position: span(block[0]!, indent, last, last.text.length) };
}

/** The next `{` or backtick at or after `from` that no backslash escapes, or -1. */
function nextOpen(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 123 || c === 96) return i;
  }
  return -1;
}

/**
 * A piece of text as remark reads it: `\<` and other escaped ASCII punctuation become
 * the character itself (one text node, as micromark merges them), so escapes cost what
 * letters cost. null for anything else that is inline syntax, and for a backslash at
 * the end of a line (a hard break) or before a letter.
 */
function plainText(piece: string): string | null {
  let value = '';
  let from = 0;
  for (let i = piece.indexOf('\\'); i !== -1; i = piece.indexOf('\\', from)) {
    const escaped = piece[i + 1];
    if (escaped === undefined || !ASCII_PUNCTUATION.test(escaped)) return null;
    const before = piece.slice(from, i);
    if (INLINE_SYNTAX.test(before)) return null;
    value += before + escaped;
    from = i + 2;
  }
  const rest = from === 0 ? piece : piece.slice(from);
  if (INLINE_SYNTAX.test(rest)) return null;
  return from === 0 ? piece : value + rest;
}

/** `code` on one line: one backtick each side, nothing micromark would trim or treat specially. */
function codeNode(line: Line, open: number, close: number): MdNode | null {
  const value = line.text.slice(open + 1, close);
  if (value === '' || value.startsWith(' ') || value.endsWith(' ') || line.text[close + 1] === '`') return null;
  return { type: 'inlineCode', value, position: span(line, open, line, close + 1) };
}

/** `# text` (one to six `#`), no closing `#`s. */
function heading(line: Line): MdNode | null {
  const depth = /^#{1,6} /.exec(line.text)?.[0].length;
  if (!depth || line.text.endsWith('#')) return null;
  const inner = paragraph([line], depth);
  if (!inner) return null;
  return { type: 'heading', depth: depth - 1, children: inner.children, position: span(line, 0, line, line.text.length) } as MdNode;
}

/** A line that is `{expr}` and nothing else. */
function flowExpression(line: Line): MdNode | null {
  const close = line.text.indexOf('}');
  if (close !== line.text.length - 1) return null;
  return expressionNode('mdxFlowExpression', line, 0, close);
}

function expressionNode(type: string, line: Line, open: number, close: number): MdNode | null {
  const source = line.text.slice(open + 1, close);
  const estree = parseExpression(source, line, open + 1);
  if (!estree) return null;
  return { type, value: source, position: span(line, open, line, close + 1), data: { estree } } as MdNode;
}

/** `<Name attr="text" attr={expr} flag />` alone on its line. */
function element(line: Line): MdNode | null {
  const text = line.text;
  const name = NAME.exec(text.slice(1))?.[0];
  if (!name || !text.endsWith('/>')) return null;
  const attributes: MdAttribute[] = [];
  let at = 1 + name.length;
  const end = text.length - 2;
  for (;;) {
    const spaces = /^ */.exec(text.slice(at, end))![0].length;
    at += spaces;
    if (at === end) break;
    if (spaces === 0) return null;
    const attributeName = ATTRIBUTE_NAME.exec(text.slice(at, end))?.[0];
    if (!attributeName) return null;
    const start = at;
    at += attributeName.length;
    let value: MdAttribute['value'] = null;
    if (text[at] === '=') {
      if (text[at + 1] === '"') {
        const close = text.indexOf('"', at + 2);
        if (close === -1 || close >= end) return null;
        value = text.slice(at + 2, close);
        if (/[&{}<>\\]/.test(value)) return null;
        at = close + 1;
      } else if (text[at + 1] === '{') {
        const close = text.indexOf('}', at + 2);
        if (close === -1 || close >= end) return null;
        const source = text.slice(at + 2, close);
        const estree = parseExpression(source, line, at + 2);
        if (!estree) return null;
        value = { type: 'mdxJsxAttributeValueExpression', value: source, data: { estree } };
        at = close + 1;
      } else {
        return null;
      }
    }
    attributes.push({ type: 'mdxJsxAttribute', name: attributeName, value, position: span(line, start, line, at) } as MdAttribute);
  }
  return { type: 'mdxJsxFlowElement', name, attributes, children: [], position: span(line, 0, line, text.length) } as MdNode;
}

type EstreeNode = { type: string; start: number; end: number; [key: string]: unknown };

/**
 * The Program micromark-util-events-to-acorn would attach to a one-line expression
 * starting at `column` of `line`, or null for anything outside the simple case (empty,
 * padded, comments, nested braces, templates, non-ASCII, not one whole expression).
 */
function parseExpression(source: string, line: Line, column: number): Program | null {
  if (source === '' || source.trim() !== source || /[{}`/\\\n]|[^\x20-\x7e]/.test(source)) return null;
  let expression: EstreeNode;
  if (IDENTIFIER.test(source) && !NOT_IDENTIFIERS.has(source)) {
    // `{name}`, the most common expression: the node acorn would build, without building a parser
    expression = { type: 'Identifier', start: 0, end: source.length, name: source };
  } else {
    try {
      expression = JsxParser.parseExpressionAt(source, 0, { ...ACORN_OPTIONS, onComment: [] } as AcornOptions) as unknown as EstreeNode;
    } catch {
      return null;
    }
    if (expression.end !== source.length) return null;
  }
  const program: EstreeNode = {
    type: 'Program',
    start: 0,
    end: source.length,
    body: [{ type: 'ExpressionStatement', expression, start: 0, end: source.length }],
    sourceType: 'module',
    comments: [],
  };
  try {
    fixPositions(program, line.line, column, line.offset + column);
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
  return program as unknown as Program;
}

class Unsupported extends Error {}

/** Moves every node to file positions, and drops ParenthesizedExpression as micromark does. */
function fixPositions(node: EstreeNode, line: number, column: number, offset: number): void {
  const start = node.start + offset;
  const end = node.end + offset;
  node.start = start;
  node.end = end;
  node.loc = { start: { line, column: column + (start - offset), offset: start }, end: { line, column: column + (end - offset), offset: end } };
  node.range = [start, end];
  for (const key in node) {
    if (key === 'loc' || key === 'range' || key === 'data' || key === 'position') continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item = value[i] as EstreeNode | null;
        if (item && typeof item === 'object' && typeof item.type === 'string') fixPositions((value[i] = unwrap(item)), line, column, offset);
      }
    } else if (value && typeof value === 'object' && typeof (value as EstreeNode).type === 'string') {
      fixPositions((node[key] = unwrap(value as EstreeNode)), line, column, offset);
    }
  }
}

/** `(a)` becomes `a`; `((a))` is left to micromark, which keeps one of the two. */
function unwrap(node: EstreeNode): EstreeNode {
  if (node.type !== 'ParenthesizedExpression') return node;
  const inner = node.expression as EstreeNode;
  if (inner.type === 'ParenthesizedExpression') throw new Unsupported();
  return inner;
}

function point(line: number, column: number, offset: number): Point {
  return { line, column, offset };
}

/** A position from column `startColumn` of `from` to column `endColumn` of `to` (0-based, end exclusive). */
function span(from: Line, startColumn: number, to: Line, endColumn: number): { start: Point; end: Point } {
  return { start: point(from.line, startColumn + 1, from.offset + startColumn), end: point(to.line, endColumn + 1, to.offset + endColumn) };
}
