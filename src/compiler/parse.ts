// The MDX parser. Parsing is nearly all of compile()'s time, and the MDX parse is
// superlinear on long documents, so a document is parsed in chunks cut after its
// top-level `---` phase breaks, and each chunk's tree is cached by its text: on save,
// only the phases that changed are parsed again. Chunks in the simple subset most
// phases use skip micromark altogether (fast-parse.ts).
import { createRequire } from 'node:module';
import type { Processor } from 'unified';
import { chunkDocument, type Chunk } from './chunks.js';
import { fastParse } from './fast-parse.js';
import { shiftTree } from './shift.js';
import type { MdNode } from './nodes.js';

const require = createRequire(import.meta.url);
let processor: Processor | null = null;

/**
 * The full MDX parser, built once (building one per compile costs more than a small
 * parse) and loaded on first use: a workflow the fast path covers never needs it, and
 * loading it is ~70 ms of every start.
 */
function mdxProcessor(): Processor {
  if (processor === null) {
    const { unified } = require('unified') as typeof import('unified');
    const remarkParse = (require('remark-parse') as typeof import('remark-parse')).default;
    const remarkFrontmatter = (require('remark-frontmatter') as typeof import('remark-frontmatter')).default;
    const remarkMdx = (require('remark-mdx') as typeof import('remark-mdx')).default;
    processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMdx) as unknown as Processor;
  }
  return processor;
}

interface CachedChunk {
  root: MdNode;
  /** where the tree's positions currently place the chunk */
  line: number;
  offset: number;
  generation: number;
}

const cache = new Map<string, CachedChunk>();
let generation = 0;
/** entries kept beyond the current document, so switching between a few files stays fast */
const CACHE_SLACK = 2000;

/** The whole text in one parse, as the parser itself sees it. */
export function parseWhole(text: string): MdNode {
  return mdxProcessor().parse(text) as unknown as MdNode;
}

/** The mdast root of an MDX document. Throws the parser's VFileMessage on a syntax error. */
export function parseMdx(text: string): MdNode {
  const chunks = chunkDocument(text);
  if (chunks.length === 1) return fastWhole(text) ?? parseWhole(text);
  generation++;
  const children: MdNode[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    const root = parseChunk(chunk);
    // A chunk parsed alone must end exactly at its phase break, or the cut was not a
    // real top-level break (say, inside a fenced code block): parse the whole text.
    if (root === null || (i < chunks.length - 1 && !endsWithBreak(root, chunk))) return parseWhole(text);
    for (const child of root.children ?? []) children.push(child);
  }
  evict();
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) },
  };
}

/** The chunk's tree placed at its position in the document, or null on a syntax error. */
function parseChunk(chunk: Chunk): MdNode | null {
  let entry = cache.get(chunk.text);
  // the same text twice in one document needs two trees: each sits at its own place
  if (!entry || entry.generation === generation) {
    const fresh = parseFresh(chunk);
    if (fresh === null) return null;
    if (!entry) cache.set(chunk.text, fresh);
    entry = fresh;
  }
  if (entry.line !== chunk.line || entry.offset !== chunk.offset) {
    shiftTree(entry.root, chunk.line - entry.line, chunk.offset - entry.offset);
    entry.line = chunk.line;
    entry.offset = chunk.offset;
  }
  entry.generation = generation;
  return entry.root;
}

/** A one-chunk document through the fast path, with the root a whole parse gives; or null. */
function fastWhole(text: string): MdNode | null {
  let root: MdNode | null = null;
  try {
    root = fastParse(text);
  } catch {
    // leave it to the real parser
  }
  if (root) root.position = { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) };
  return root;
}

/** A new tree: built in place by the fast path, else parsed as if at line 1 (parseChunk shifts it). */
function parseFresh(chunk: Chunk): CachedChunk | null {
  let placed: MdNode | null = null;
  try {
    placed = fastParse(chunk.text, chunk.line, chunk.offset);
  } catch {
    // a shortcut must never cost a user a compile: let the real parser decide
  }
  if (placed) return { root: placed, line: chunk.line, offset: chunk.offset, generation };
  try {
    return { root: mdxProcessor().parse(chunk.text) as unknown as MdNode, line: 1, offset: 0, generation };
  } catch {
    return null;
  }
}

function endsWithBreak(root: MdNode, chunk: Chunk): boolean {
  const children = root.children ?? [];
  const last = children[children.length - 1];
  return last?.type === 'thematicBreak' && last.position?.start.line === chunk.breakLine;
}

function evict(): void {
  if (cache.size <= CACHE_SLACK) return;
  for (const [text, entry] of cache) if (entry.generation !== generation) cache.delete(text);
}

function endPoint(text: string): { line: number; column: number; offset: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: text.length - lineStart + 1, offset: text.length };
}
