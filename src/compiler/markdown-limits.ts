// A linear scan of the text before micromark sees it. Some markdown costs micromark
// time that grows with the square of its size: containers (lists, quotes) nested
// hundreds deep, paragraphs with thousands of emphasis markers or brackets, and
// expressions with hundreds of `{` inside one another (micromark asks acorn whether the
// expression ends at each `}`, and each try parses it to its full depth). Past
// the limits in limits.ts, the scan reports the place and blanks what lies beyond it
// (same-length spaces, so every later position is the file's own); a document within
// the limits is returned unchanged.
import { MAX_EXPRESSION_NESTING, MAX_INLINE_MARKERS, MAX_MARKDOWN_NESTING } from './limits.js';
import { nestingDiagnostic } from './nesting.js';
import type { Diagnostic } from './types.js';

export const INLINE_MARKERS_RULE = 'too-many-markers';

export interface LimitedText {
  text: string;
  diagnostics: Diagnostic[];
}

const SPACE = 32;
const TAB = 9;

export function limitMarkdownText(text: string): LimitedText {
  const diagnostics: Diagnostic[] = [];
  let chars: string[] | null = null;
  const blank = (from: number, to: number) => {
    chars ??= Array.from({ length: text.length }, (_, i) => text[i]!);
    for (let i = from; i < to; i++) if (chars[i] !== '\n') chars[i] = ' ';
  };
  let emphasis = 0;
  let brackets = 0;
  // `{` open in this paragraph, where the outermost opened, and the end of a cut expression
  let braces = 0;
  let outerBrace = -1;
  let skipTo = -1;
  let fence: string | null = null;
  let tooDeepReported = false;
  let line = 1;
  let start = frontmatterEnd(text, (n) => (line += n));
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const prefix = containerPrefix(text, start, end);
    const rest = text.slice(prefix.end, end);
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(rest)?.[1];
    if (fence !== null) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length && rest.trim() === fenceMark) fence = null;
    } else if (fenceMark) {
      fence = fenceMark;
    } else if (prefix.tooDeep !== -1) {
      // one diagnostic, at the first line too deep: the ones under it say the same
      if (!tooDeepReported) diagnostics.push(nestingDiagnostic(MAX_MARKDOWN_NESTING,
        `this ${prefix.tooDeepKind} is inside ${MAX_MARKDOWN_NESTING} levels of lists, quotes, emphasis or tags`,
        'take it out of some of the levels around it', line, prefix.tooDeep - start + 1));
      tooDeepReported = true;
      blank(prefix.tooDeep, end);
    } else {
      if (prefix.opensBlock || rest.trim() === '' || /^ {0,3}#/.test(rest)) emphasis = brackets = 0;
      if (rest.trim() === '') braces = 0;
      if (!/^[ \t*_-]*$/.test(rest)) {
        for (let i = Math.max(prefix.end, skipTo); i < end; i++) {
          const c = text[i];
          if (c === '\\') i++;
          else if (c === '`') i = codeSpanEnd(text, i, end);
          else if (c === '{') {
            if (++braces === 1) outerBrace = i;
            if (braces > MAX_EXPRESSION_NESTING) {
              diagnostics.push(nestingDiagnostic(MAX_EXPRESSION_NESTING, 'this expression has that many brackets, calls or operators inside one another',
                'split it into smaller expressions, or compute the value in earlier steps', line, i - start + 1));
              // the expression becomes `{{}   …}`, an empty object: still an expression where one
              // must be (attributes deep enough to get here are objects: provide, schema, options)
              const close = matchingBrace(text, outerBrace);
              blank(outerBrace + 1, close);
              chars![outerBrace + 1] = '{';
              chars![outerBrace + 2] = '}';
              braces = 0;
              skipTo = close;
              i = close;
            }
          } else if (c === '}') braces = Math.max(0, braces - 1);
          else if (c === '*' || c === '_') {
            if (++emphasis === MAX_INLINE_MARKERS + 1) diagnostics.push(markersDiagnostic('emphasis markers (`*` and `_`)', 'escape the ones that are not emphasis as \\* and \\_', line, i - start + 1));
            if (emphasis > MAX_INLINE_MARKERS) blank(i, i + 1);
          } else if (c === '[' || c === ']') {
            if (++brackets === MAX_INLINE_MARKERS + 1) diagnostics.push(markersDiagnostic('brackets (`[` and `]`)', 'escape the ones that are not links as \\[ and \\]', line, i - start + 1));
            if (brackets > MAX_INLINE_MARKERS) blank(i, i + 1);
          }
        }
      }
    }
    start = end + 1;
    line++;
  }
  return { text: chars === null ? text : (chars as string[]).join(''), diagnostics };
}

/** The `}` that closes the `{` at `open`, counting every brace after it; the text's end when none does. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length;
}

/** The last backtick of the code span that starts at `i` on this line, or `i` when none closes it. */
function codeSpanEnd(text: string, i: number, end: number): number {
  let run = i;
  while (run < end && text[run] === '`') run++;
  const marks = text.slice(i, run);
  const close = text.indexOf(marks, run);
  return close === -1 || close >= end ? run - 1 : close + marks.length - 1;
}

function markersDiagnostic(what: string, fix: string, line: number, column: number): Diagnostic {
  return { severity: 'error', rule: INLINE_MARKERS_RULE, line, column,
    message: `more than ${MAX_INLINE_MARKERS} ${what} in one paragraph; the rest are not checked: split it into paragraphs with blank lines, or ${fix}` };
}

interface Prefix {
  /** where the line's content starts, after its quote and list markers */
  end: number;
  /** whether a list item starts on this line */
  opensBlock: boolean;
  /** the marker past the limit, or -1 */
  tooDeep: number;
  tooDeepKind: string;
}

/**
 * The quote and list markers that open a line, and how deep they nest in the tree: a
 * quote is one level, a list two (list and item), and so is each two columns of
 * indentation before a marker (a nested list's smallest step), so the count is never
 * less than the tree's depth.
 */
function containerPrefix(text: string, start: number, end: number): Prefix {
  let depth = 0;
  let spaces = 0;
  let opensBlock = false;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB) {
      spaces += c === TAB ? 4 : 1;
      i++;
      continue;
    }
    let next = i;
    let kind = '';
    if (c === 62 /* > */) {
      next = i + 1;
      kind = 'blockquote';
    } else if ((c === 45 || c === 42 || c === 43) && isSpace(text, i + 1, end)) {
      next = i + 1;
      kind = 'list';
    } else {
      let d = i;
      while (d < end && d - i < 9 && text.charCodeAt(d) >= 48 && text.charCodeAt(d) <= 57) d++;
      if (d > i && (text[d] === '.' || text[d] === ')') && isSpace(text, d + 1, end)) {
        next = d + 1;
        kind = 'list';
      }
    }
    if (kind === '') break;
    // a list is two levels of the tree (list, item), as is each two columns of indentation
    depth += spaces + (kind === 'list' ? 2 : 1);
    spaces = 0;
    if (kind === 'list') opensBlock = true;
    if (depth > MAX_MARKDOWN_NESTING) return { end: i, opensBlock, tooDeep: i, tooDeepKind: kind };
    i = next;
    if (i < end && text.charCodeAt(i) === SPACE) i++; // the space a marker takes
  }
  return { end: i, opensBlock, tooDeep: -1, tooDeepKind: '' };
}

function isSpace(text: string, i: number, end: number): boolean {
  return i >= end || text[i] === ' ' || text[i] === '\t';
}

/** Where the body starts after a leading `---` frontmatter block (0 when none); reports the lines it skips. */
function frontmatterEnd(text: string, skipLines: (n: number) => void): number {
  if (!text.startsWith('---\n')) return 0;
  const close = /\n---[ \t]*(\n|$)/.exec(text.slice(3));
  if (!close) return 0;
  const end = 3 + close.index + close[0].length;
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) lines++;
  skipLines(lines);
  return end;
}
