import type { Diagnostic } from './types.js';
import { LineIndex } from './line-index.js';

/** What the MDX parser throws (a VFileMessage); only these fields are read. */
export interface ParseErrorLike {
  message: string;
  line?: number | null;
  column?: number | null;
  ruleId?: string | null;
  source?: string | null;
  place?: unknown;
  /** acorn's own error, for JavaScript syntax errors in expressions */
  cause?: unknown;
}

/**
 * Turns an MDX syntax error into a diagnostic that says how to fix it, placed where the
 * problem really is. The parser reports unclosed things at the end of their paragraph or
 * file (or nowhere), so those cases search the text for the opening brace or tag.
 * The place is always inside the file.
 */
export function describeParseError(text: string, error: ParseErrorLike): Diagnostic {
  const file = new SourceText(text);
  const reported = reportedOffset(file, error);
  const { message, offset } = explain(file, error, reported);
  const { line, column } = file.place(offset ?? reported ?? 0);
  return { severity: 'error', rule: 'mdx-syntax', line, column, message };
}

/** `<name`, `</name`, `<a.b` or `<a:b`, without trailing punctuation such as `<here.` */
const TAG_NAME = /^<\/?(?:[\p{ID_Start}$_][\p{ID_Continue}$-]*(?:[.:][\p{ID_Start}$_][\p{ID_Continue}$-]*)*)?/u;

function explain(file: SourceText, error: ParseErrorLike, reported: number | undefined): { message: string; offset?: number } {
  const reason = error.message ?? '';
  const rule = error.ruleId ?? '';
  const fromJsx = (error.source ?? '').includes('jsx');

  if (rule === 'unexpected-eof' && !fromJsx) {
    return {
      message: '`{` starts an expression that is never closed: write `\\{` to use a literal brace, or close the expression with `}`',
      offset: file.unclosedBrace(reported ?? file.text.length),
    };
  }
  if (rule === 'unexpected-eof') {
    const tagStart = file.lastTagStart(reported ?? file.text.length);
    const quote = /closing quote `(.)`/.exec(reason)?.[1];
    if (quote) {
      const opening = file.text.lastIndexOf(quote, (reported ?? file.text.length) - 1);
      return {
        message: `this attribute value is never closed: add the closing \`${quote}\``,
        offset: opening >= 0 ? opening : tagStart,
      };
    }
    const name = tagStart === undefined ? '' : TAG_NAME.exec(file.text.slice(tagStart))![0];
    return {
      message: `\`${name || '<'}\` starts a tag that is never finished: end the tag with \`>\` or \`/>\`, or write \`\\<\` or \`&lt;\` for a literal \`<\``,
      offset: tagStart,
    };
  }
  if (rule === 'unexpected-character') return explainCharacter(file, reason, reported, fromJsx);
  if (rule === 'end-tag-mismatch') return explainMismatch(file, reason, reported);
  if (rule === 'unexpected-closing-slash') {
    const start = reported === undefined ? undefined : file.text.lastIndexOf('<', reported);
    const name = start === undefined || start < 0 ? '' : (/^<\/\s*([^\s>]*)/.exec(file.text.slice(start))?.[1] ?? '');
    return {
      message: name
        ? `\`</${name}>\` closes a tag that was never opened: remove it, or add \`<${name}>\` before it`
        : 'this closing tag closes a tag that was never opened: remove it, or add the opening tag before it',
      offset: start !== undefined && start >= 0 ? start : reported,
    };
  }
  if (rule === 'non-spread' || rule === 'spread-extra') {
    // `{…}` among a tag's attributes: in prose (`a <b tag and {x}.`) the `<` was meant as text
    const lessThan = reported === undefined ? -1 : file.text.lastIndexOf('<', reported);
    if (lessThan >= 0 && !file.startsLine(lessThan)) return strayTag(file, lessThan, '{');
    return { message: 'an expression among a tag\'s attributes needs a name: write `name={…}`', offset: reported };
  }
  if (rule === 'acorn') {
    const detail = acornDetail(error.cause);
    const what = detail ? `invalid JavaScript in this expression (${detail})` : 'invalid JavaScript in this expression';
    // in a fragment's text `\{` is no escape: JSX has its own way to write a brace
    if (reported !== undefined && insideFragment(file.text.slice(0, reported))) {
      return { message: `${what}: inside a JSX fragment \`<>…</>\` a brace starts an expression: write a brace meant as text as {'{'} and {'}'} (or &#123; and &#125;)`, offset: reported };
    }
    return {
      message: `${what}: an expression is a single JavaScript expression, so fix it, or write \`\\{\` if the brace is meant as text`,
      offset: reported,
    };
  }
  return { message: reason, offset: reported };
}

function explainCharacter(file: SourceText, reason: string, reported: number | undefined, fromJsx: boolean): { message: string; offset?: number } {
  const at = reported ?? 0;
  const lessThan = file.text.lastIndexOf('<', at);
  const tagStart = lessThan >= 0 ? lessThan : undefined;
  if (reason.includes('to create a comment in MDX')) {
    return { message: 'MDX has no HTML comments: use `{/* comment */}` instead of `<!-- comment -->`', offset: tagStart };
  }
  if (reason.includes('to create a link in MDX')) {
    return { message: 'MDX has no `<https://...>` links: write `[text](https://...)` or the bare address', offset: tagStart };
  }
  if (reason.includes('before attribute value')) {
    // the attribute is inside its tag: searching the whole text before it was quadratic
    const before = file.text.slice(tagStart ?? 0, at);
    const name = /([\p{ID_Continue}$:.-]+)\s*=\s*$/u.exec(before)?.[1] ?? 'name';
    const value = /^[^\s/>]*(?:\/(?!>)[^\s/>]*)*/.exec(file.text.slice(at))![0];
    return {
      message: `quote the attribute value: write ${name}="${value}" (or ${name}={...} for an expression)`,
      offset: reported,
    };
  }
  if (/before name/.test(reason) && tagStart !== undefined && tagStart === at - 1) {
    return { message: '`<` starts a tag in MDX: write `\\<` or `&lt;` for a literal less-than sign', offset: tagStart };
  }
  if (fromJsx && tagStart !== undefined && !file.startsLine(tagStart)) {
    const character = /^Unexpected character `(.+?)` \(U\+/.exec(reason)?.[1];
    return strayTag(file, tagStart, character);
  }
  // a tag on a line of its own is meant as a tag: the parser's reason says what to fix in it
  if (fromJsx) return { message: `${reason.replace(/\.$/, '')}: fix the tag, or write \`\\<\` for a literal \`<\``, offset: reported };
  return { message: reason, offset: reported };
}

/** A stray `<` before a word (`a <b tag here.`): the fix is at the `<`, not where the parser gave up. */
function strayTag(file: SourceText, tagStart: number, character: string | undefined): { message: string; offset: number } {
  const name = TAG_NAME.exec(file.text.slice(tagStart))![0] || '<';
  const why = character ? `, and \`${character}\` cannot be part of a tag` : '';
  const bare = name.replace(/^<\/?/, '');
  const example = bare ? `, e.g. \`<${bare}>…</${bare}>\` or \`<${bare} />\`` : '';
  return {
    message: `\`${name}\` starts a tag in MDX${why}: write \`\\<\` or \`&lt;\` for a literal \`<\`, or finish the tag${example}`,
    offset: tagStart,
  };
}

function explainMismatch(file: SourceText, reason: string, reported: number | undefined): { message: string; offset?: number } {
  const opened = /`<([^`>]*)>`\s*\((\d+):(\d+)-\d+:\d+\)/.exec(reason);
  const closing = /^Unexpected closing tag `<\/([^`>]*)>`/.exec(reason);
  if (closing && opened) {
    const [, name, line] = opened;
    const closer = closing[1] ? `</${closing[1]}>` : '</>';
    return {
      message: `\`${closer}\` does not match \`<${name}>\` opened on line ${line}: close \`<${name}>\` first with \`</${name}>\`, or fix the tag names`,
      offset: reported,
    };
  }
  const unclosed = /^Expected a closing tag for `<([^`>]*)>`/.exec(reason);
  if (unclosed) {
    const name = unclosed[1]!;
    const offset = opened ? file.offsetOf(Number(opened[2]), Number(opened[3])) : file.firstTag(name);
    const where = reason.includes('before the end of') ? ' in the same paragraph' : '';
    return { message: `\`<${name}>\` is never closed: end it with \`/>\` or add \`</${name}>\`${where}`, offset };
  }
  return { message: reason, offset: reported };
}

/** acorn's reason without its `(line:column)` suffix, e.g. "Unexpected token". */
function acornDetail(cause: unknown): string | undefined {
  const message = cause && typeof cause === 'object' ? (cause as { message?: unknown }).message : undefined;
  if (typeof message !== 'string' || !message) return undefined;
  return message.replace(/\s*\(\d+:\d+\)$/, '');
}

function reportedOffset(file: SourceText, error: ParseErrorLike): number | undefined {
  const place = error.place as { offset?: unknown; start?: { offset?: unknown } } | null | undefined;
  const offset = place?.start?.offset ?? place?.offset;
  if (typeof offset === 'number' && offset >= 0) return offset;
  if (typeof error.line === 'number' && error.line > 0) return file.offsetOf(error.line, error.column ?? 1);
  return undefined;
}

/** The file's text with the places that are prose (not frontmatter, code, or escaped). */
class SourceText {
  private readonly lines: LineIndex;
  private mask: Uint8Array | undefined;

  /** Whether only spaces and tabs come before `offset` on its line. */
  startsLine(offset: number): boolean {
    for (let i = offset - 1; i >= 0 && this.text[i] !== '\n'; i--) if (this.text[i] !== ' ' && this.text[i] !== '\t') return false;
    return true;
  }

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  offsetOf(line: number, column: number): number {
    return this.lines.offsetOf(line, column);
  }

  /** A 1-based line and column that is always inside the file, even for an offset at its very end. */
  place(offset: number): { line: number; column: number } {
    return this.lines.place(offset);
  }

  /** The first `{` before `limit` whose expression is never closed. */
  unclosedBrace(limit: number): number | undefined {
    const prose = this.prose();
    const open: number[] = [];
    const text = this.text;
    for (let i = 0; i < limit && i < text.length; i++) {
      if (!prose[i]) continue;
      const ch = text[i];
      if (ch === '{') open.push(i);
      else if (ch === '}') open.pop();
      else if (open.length > 0 && (ch === '"' || ch === "'" || ch === '`')) {
        // skip a JavaScript string inside an expression, so `{"}"}` is one expression
        let j = i + 1;
        while (j < limit && text[j] !== ch && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
        if (text[j] === ch) i = j;
      }
    }
    return open[0];
  }

  /** The last `<name` or `</` before `limit` in prose: the tag the parser was reading. */
  lastTagStart(limit: number): number | undefined {
    const prose = this.prose();
    for (let i = Math.min(limit, this.text.length) - 1; i >= 0; i--) {
      if (prose[i] && this.text[i] === '<' && /[\p{ID_Start}$_/>]/u.test(this.text[i + 1] ?? '')) return i;
    }
    return undefined;
  }

  /** The first `<name` in prose, followed by the end of the name. */
  firstTag(name: string): number | undefined {
    const prose = this.prose();
    const pattern = new RegExp(`<${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{ID_Continue}$.:-])`, 'gu');
    for (const match of this.text.matchAll(pattern)) if (prose[match.index]) return match.index;
    return undefined;
  }

  /** 1 where a character is MDX prose; 0 in frontmatter, fenced code, inline code, or after `\`. */
  private prose(): Uint8Array {
    if (this.mask) return this.mask;
    const text = this.text;
    const mask = new Uint8Array(text.length).fill(1);
    let i = 0;
    const frontmatter = /^---\r?\n[\s\S]*?\n---[ \t]*(?:\r?\n|$)/.exec(text);
    if (frontmatter) {
      mask.fill(0, 0, frontmatter[0].length);
      i = frontmatter[0].length;
    }
    while (i < text.length) {
      const lineEnd = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i) + 1;
      const fence = /^ {0,3}(`{3,}|~{3,})/.exec(text.slice(i, lineEnd));
      if (fence) {
        const marker = fence[1]!;
        const closer = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*\\r?$`);
        let end = lineEnd;
        while (end < text.length) {
          const next = text.indexOf('\n', end) === -1 ? text.length : text.indexOf('\n', end) + 1;
          const closes = closer.test(text.slice(end, next).replace(/\n$/, ''));
          end = next;
          if (closes) break;
        }
        mask.fill(0, i, end);
        i = end;
        continue;
      }
      this.maskInline(mask, i, lineEnd);
      i = lineEnd;
    }
    this.mask = mask;
    return mask;
  }

  /** Escapes and code spans on one line (a code span across lines is rare in prompts). */
  private maskInline(mask: Uint8Array, from: number, to: number): void {
    const text = this.text;
    for (let i = from; i < to; i++) {
      const ch = text[i];
      if (ch === '\\' && i + 1 < to) {
        mask[i + 1] = 0;
        i++;
      } else if (ch === '`') {
        let run = 1;
        while (text[i + run] === '`') run++;
        const ticks = '`'.repeat(run);
        let close = text.indexOf(ticks, i + run);
        while (close !== -1 && close < to && text[close + run] === '`') close = text.indexOf(ticks, close + run + 1);
        if (close === -1 || close >= to) {
          i += run - 1;
          continue;
        }
        mask.fill(0, i, close + run);
        i = close + run - 1;
      }
    }
  }
}

/** Whether the text before an error ends inside a JSX fragment: a `<>` opened and not yet closed by `</>`. */
function insideFragment(before: string): boolean {
  return before.lastIndexOf('<>') > before.lastIndexOf('</>');
}
