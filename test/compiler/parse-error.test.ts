import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import type { Diagnostic } from '../../src/compiler/types.js';
import { describeParseError } from '../../src/compiler/parse-error.js';

/** Parses `text` with the compiler's own pipeline and describes the error it throws. */
function diagnose(text: string): Diagnostic {
  try {
    unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMdx).parse(text);
  } catch (error) {
    return describeParseError(text, error as Parameters<typeof describeParseError>[1]);
  }
  throw new Error('expected a parse error');
}

function fixture(name: string): string {
  return readFileSync(new URL(`../../fixtures/parse-errors/${name}`, import.meta.url), 'utf8');
}

const mdx = (line: number, column: number, message: string): Diagnostic => ({
  severity: 'error',
  rule: 'mdx-syntax',
  line,
  column,
  message,
});

describe('describeParseError on real parser errors (fixtures/parse-errors)', () => {
  it.each([
    [
      'brace-in-prose.mdx',
      mdx(9, 25, '`{` starts an expression that is never closed: write `\\{` to use a literal brace, or close the expression with `}`'),
    ],
    ['less-than-in-prose.mdx', mdx(5, 16, '`<` starts a tag in MDX: write `\\<` or `&lt;` for a literal less-than sign')],
    [
      'less-than-letter.mdx',
      mdx(3, 6, '`<b` starts a tag that is never finished: end the tag with `>` or `/>`, or write `\\<` or `&lt;` for a literal `<`'),
    ],
    [
      'less-than-after-code.mdx',
      mdx(7, 39, '`<here` starts a tag that is never finished: end the tag with `>` or `/>`, or write `\\<` or `&lt;` for a literal `<`'),
    ],
    ['html-comment.mdx', mdx(5, 1, 'MDX has no HTML comments: use `{/* comment */}` instead of `<!-- comment -->`')],
    ['unquoted-attribute.mdx', mdx(5, 13, 'quote the attribute value: write as="poem" (or as={...} for an expression)')],
    ['unclosed-action.mdx', mdx(5, 1, '`<GenText>` is never closed: end it with `/>` or add `</GenText>`')],
    ['unclosed-example.mdx', mdx(5, 1, '`<example>` is never closed: end it with `/>` or add `</example>`')],
    [
      'unclosed-inline-tag.mdx',
      mdx(3, 9, '`<b>` is never closed: end it with `/>` or add `</b>` in the same paragraph'),
    ],
    [
      'mismatched-closing-tag.mdx',
      mdx(9, 1, '`</Cond>` does not match `<Loop>` opened on line 3: close `<Loop>` first with `</Loop>`, or fix the tag names'),
    ],
    [
      'closing-without-opening.mdx',
      mdx(5, 1, '`</GenText>` closes a tag that was never opened: remove it, or add `<GenText>` before it'),
    ],
    ['unclosed-attribute-quote.mdx', mdx(3, 13, 'this attribute value is never closed: add the closing `"`')],
    [
      'expression-syntax-error.mdx',
      mdx(
        3,
        21,
        'invalid JavaScript in this expression (Unexpected token): an expression is a single JavaScript expression, so fix it, or write `\\{` if the brace is meant as text',
      ),
    ],
    [
      'attribute-expression-error.mdx',
      mdx(
        3,
        33,
        'invalid JavaScript in this expression (Unexpected content after expression): an expression is a single JavaScript expression, so fix it, or write `\\{` if the brace is meant as text',
      ),
    ],
    ['autolink.mdx', mdx(3, 5, 'MDX has no `<https://...>` links: write `[text](https://...)` or the bare address')],
    [
      'generic-fallback.mdx',
      mdx(
        3,
        10,
        'Unexpected character `1` (U+0031) after name, expected a character that can start an attribute name, such as a letter, `$`, or `_`; whitespace before attributes; or the end of the tag: fix the tag, or write `\\<` for a literal `<`',
      ),
    ],
  ])('%s', (name, expected) => {
    expect(diagnose(fixture(name))).toEqual(expected);
  });
});

describe('describeParseError: a stray `<` in prose', () => {
  it.each([
    ['Hello a <b tag here.\n', 1, 9, '`<b` starts a tag in MDX, and `.` cannot be part of a tag: write `\\<` or `&lt;` for a literal `<`, or finish the tag, e.g. `<b>…</b>` or `<b />`'],
    ['Say x <y!\n', 1, 7, '`<y` starts a tag in MDX, and `!` cannot be part of a tag: write `\\<` or `&lt;` for a literal `<`, or finish the tag, e.g. `<y>…</y>` or `<y />`'],
    ['Hello a <b tag here and {name}.\n', 1, 9, '`<b` starts a tag in MDX, and `{` cannot be part of a tag: write `\\<` or `&lt;` for a literal `<`, or finish the tag, e.g. `<b>…</b>` or `<b />`'],
    ['# T\n\nif a <b c d="1" ! e\n', 3, 6, '`<b` starts a tag in MDX, and `!` cannot be part of a tag: write `\\<` or `&lt;` for a literal `<`, or finish the tag, e.g. `<b>…</b>` or `<b />`'],
  ])('%j says to write \\< at the `<`', (text, line, column, message) => {
    expect(diagnose(text)).toEqual(mdx(line, column, message));
  });
});

describe('describeParseError: an expression among a tag\'s attributes', () => {
  it('on a tag of its own line says to give it a name', () => {
    expect(diagnose('<GenText as="x" {model} />\n')).toEqual(mdx(1, 18, "an expression among a tag's attributes needs a name: write `name={…}`"));
  });
});

describe('describeParseError: finding the real place', () => {
  it('points at the unclosed brace, not at the end of the paragraph, past closed expressions and code', () => {
    const text = 'Use `{code}` and \\{ and {ok} and {"}"} then { oops\nstill the same paragraph\n';
    expect(diagnose(text)).toEqual(
      mdx(1, 45, '`{` starts an expression that is never closed: write `\\{` to use a literal brace, or close the expression with `}`'),
    );
  });

  it('ignores braces and tags inside fenced code and the frontmatter', () => {
    const text = '---\ntitle: { a: 1 }\n---\n\n~~~\n<GenText {\n~~~\n\n<GenText as="x">\n';
    expect(diagnose(text)).toEqual(mdx(9, 1, '`<GenText>` is never closed: end it with `/>` or add `</GenText>`'));
  });

  it('finds an unclosed brace inside an attribute that the parser reports at the end of the file', () => {
    expect(diagnose('# T\n\n<GenText as="x" model={a />\n\nmore\n')).toEqual(
      mdx(3, 23, '`{` starts an expression that is never closed: write `\\{` to use a literal brace, or close the expression with `}`'),
    );
  });

  it('finds the unfinished tag when the file ends inside it without a final newline', () => {
    expect(diagnose('Intro\n\n<GenText as="x"')).toEqual(
      mdx(3, 1, '`<GenText` starts a tag that is never finished: end the tag with `>` or `/>`, or write `\\<` or `&lt;` for a literal `<`'),
    );
  });

  it('explains statements in an expression with acorn\'s reason', () => {
    expect(diagnose('{let x = 1}\n')).toEqual(
      mdx(
        1,
        2,
        "invalid JavaScript in this expression (The keyword 'let' is reserved): an expression is a single JavaScript expression, so fix it, or write `\\{` if the brace is meant as text",
      ),
    );
  });

  it('inside a JSX fragment, says how to write a brace there (`\\{` is for prose)', () => {
    expect(diagnose('{<>Use \\{braces\\}</>}\n')).toEqual(
      mdx(
        1,
        17,
        "invalid JavaScript in this expression (Expecting Unicode escape sequence \\uXXXX): inside a JSX fragment `<>…</>` a brace starts an expression: write a brace meant as text as {'{'} and {'}'} (or &#123; and &#125;)",
      ),
    );
  });

  it('never points past the end of the file', () => {
    expect(describeParseError('a\nb\n', { message: 'Something odd', line: 9, column: 40 })).toEqual(mdx(2, 2, 'Something odd'));
    expect(describeParseError('abc', { message: 'Something odd', place: { offset: 99 } })).toEqual(mdx(1, 4, 'Something odd'));
    expect(describeParseError('', { message: 'Something odd' })).toEqual(mdx(1, 1, 'Something odd'));
  });

  it('uses the position in the message when the parser gives none, and the tag itself as a last resort', () => {
    const text = 'a\n\n<Cond if={x}>\n\nbody\n';
    expect(describeParseError(text, { message: 'Expected a closing tag for `<Cond>` (3:1-3:14)', ruleId: 'end-tag-mismatch' })).toEqual(
      mdx(3, 1, '`<Cond>` is never closed: end it with `/>` or add `</Cond>`'),
    );
    expect(describeParseError(text, { message: 'Expected a closing tag for `<Cond>`', ruleId: 'end-tag-mismatch' })).toEqual(
      mdx(3, 1, '`<Cond>` is never closed: end it with `/>` or add `</Cond>`'),
    );
  });
});
