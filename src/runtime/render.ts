// Turns a step's content segments into the prompt text the model sees (docs/language.md §4, §5).
import type { Segment } from '../compiler/types.js';
import type { ContentPart } from '../models/types.js';
import type { Sandbox } from '../sandbox/types.js';
import { ExpressionError } from '../actions/errors.js';
import { isImageValue } from './image.js';
import { ScopeValues } from './scope-values.js';

export interface RenderedContent {
  text: string;
  /** set when an image input was interpolated: the content as parts */
  parts: ContentPart[] | null;
  warnings: string[];
}

export function renderValue(value: unknown, block: boolean): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null || value === undefined) return '';
  if (block) return '```json\n' + JSON.stringify(value, null, 2) + '\n```';
  return JSON.stringify(value);
}

/** `code` is what the compiler made of the source for the sandbox (fragments), when it differs; `place` is where it is written. */
export function evaluateExpression(sandbox: Sandbox, source: string, scope: Record<string, unknown>, place: { line: number; column: number }, code = source): unknown {
  try {
    return sandbox.evaluate(code, scope);
  } catch (error) {
    throw new ExpressionError(`{${source}}: ${(error as Error).message}`, place.line, place.column);
  }
}

/**
 * A preview (see preview.ts) renders a step before its turn: an expression whose values do
 * not exist yet, or that fails on what exists, stays as written, `{expr}`.
 */
export interface PreviewRendering {
  unresolved: (expression: object) => boolean;
}

/** `scope` is the whole scope, or a ScopeValues that hands each expression only the names it reads. */
export function renderContent(segments: Segment[], sandbox: Sandbox, scope: Record<string, unknown> | ScopeValues, preview?: PreviewRendering): RenderedContent {
  const warnings: string[] = [];
  const pieces: Array<string | ContentPart> = [];
  for (const segment of segments) {
    if (segment.kind === 'text') {
      pieces.push(segment.text);
      continue;
    }
    const value = preview ? previewValue(segment, sandbox, scope, preview) : evaluateExpression(sandbox, segment.source, scope instanceof ScopeValues ? scope.for(segment) : scope, segment, segment.code);
    if (value instanceof AsWritten) {
      pieces.push(value.text);
      continue;
    }
    if (value === null || value === undefined) {
      warnings.push(`{${segment.source}} at line ${segment.line} is ${String(value)}: rendered as empty text`);
    }
    pieces.push(isImageValue(value) ? { type: 'image', image: value.data, mediaType: value.mediaType } : renderValue(value, segment.block));
  }
  if (pieces.every((piece) => typeof piece === 'string')) {
    return { text: tidy((pieces as string[]).join('')), parts: null, warnings };
  }
  const parts: ContentPart[] = [];
  let buffer = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') buffer += piece;
    else {
      if (buffer.trim()) parts.push({ type: 'text', text: tidy(buffer) });
      buffer = '';
      parts.push(piece);
    }
  }
  if (buffer.trim()) parts.push({ type: 'text', text: tidy(buffer) });
  const text = parts.map((part) => (part.type === 'text' ? part.text : `[image ${part.mediaType}]`)).join('\n\n');
  return { text, parts, warnings };
}

/** An expression a preview leaves as the author wrote it. */
export class AsWritten {
  constructor(readonly text: string) {}
}

function previewValue(segment: Extract<Segment, { kind: 'expr' }>, sandbox: Sandbox, scope: Record<string, unknown> | ScopeValues, preview: PreviewRendering): unknown {
  const asWritten = new AsWritten(`{${segment.source}}`);
  if (preview.unresolved(segment)) return asWritten;
  try {
    return sandbox.evaluate(segment.code ?? segment.source, scope instanceof ScopeValues ? scope.for(segment) : scope);
  } catch {
    return asWritten;
  }
}

/** Trim surrounding blank lines and remove the indentation common to every line (block bodies are indented). */
export function tidy(text: string): string {
  // trimEnd, not /\s+$/, which is quadratic in a long run of spaces
  const trimmed = text.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
  const lines = trimmed.split('\n');
  let indent = Infinity;
  for (const line of lines) {
    if (!line.trim()) continue;
    const match = /^[ \t]*/.exec(line)!;
    indent = Math.min(indent, match[0].length);
    if (indent === 0) return trimmed;
  }
  if (!Number.isFinite(indent) || indent === 0) return trimmed;
  return lines.map((line) => line.slice(Math.min(indent, /^[ \t]*/.exec(line)![0].length))).join('\n');
}
