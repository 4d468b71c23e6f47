// The pathological inputs a fuzz of `check` found: each is a positioned diagnostic
// (or none), never a crash, and CRLF files read as LF ones.
import { describe, expect, it } from 'vitest';
import { diagnosticsOf } from './compile-helpers.js';

const conds = (n: number) =>
  Array.from({ length: n }, (_, i) => `<Cond as="c${i}" if={true}>\n`).join('') + 'hi\n' + '</Cond>\n'.repeat(n);
const loops = (n: number) =>
  Array.from({ length: n }, (_, i) => `<Loop as="l${i}" until={true}>\n\n`).join('') + 'hi\n\n' + '</Loop>\n\n'.repeat(n);
const errors = (text: string) => diagnosticsOf(text).filter((d) => d.rule !== 'missing-model').map((d) => [d.rule, d.line, d.column, d.message]);

const TOO_MANY_CONDS = 'nested more than 100 levels: this <Cond> is inside 100 Loops and Conds; its body is not checked: flatten the workflow into phases, or move the inner steps out';
const TOO_DEEP = (what: string) => `nested more than 200 levels: ${what} is inside 200 levels of lists, quotes, emphasis or tags; take it out of some of the levels around it`;

describe('nesting limits', () => {
  it('stops 120 nested Conds at the 101st', () => {
    expect(errors('---\nmodel: echo\n---\n\n' + conds(120))).toEqual([['nesting-depth', 105, 1, TOO_MANY_CONDS]]);
  });

  it('reports 1,000 nested Loops once, at the 101st', () => {
    expect(errors(loops(1000))).toEqual([
      ['nesting-depth', 201, 1, TOO_MANY_CONDS.replace('this <Cond>', 'this <Loop>')],
    ]);
  });

  it('accepts 100 nested Conds', () => {
    expect(errors('---\nmodel: echo\n---\n\n' + conds(100))).toEqual([]);
  });

  it('cuts 5,000 nested inline tags at level 200', () => {
    expect(errors('x ' + '<b>'.repeat(5000) + 'hi' + '</b>'.repeat(5000) + '\n')).toEqual([['nesting-depth', 1, 600, TOO_DEEP('this <b>')]]);
  });

  it('cuts 250 nested quotes at level 200', () => {
    expect(errors('> '.repeat(250) + 'q\n')).toEqual([['nesting-depth', 1, 401, TOO_DEEP('this blockquote')]]);
  });

  it('stops an expression nested 250 brackets deep', () => {
    expect(errors('<GenText as="x" model="echo" />\n\n{' + '['.repeat(250) + ']'.repeat(250) + '}\n')).toEqual([
      ['nesting-depth', 3, 201, 'nested more than 200 levels: this expression has that many brackets, calls or operators inside one another; split it into smaller expressions, or compute the value in earlier steps'],
    ]);
  });

  it('stops an object literal nested 1,000 braces deep at its 201st brace, in text and in an attribute', () => {
    // micromark tries the expression at every `}` until one parses: each try went 1,000 deep
    const TOO_DEEP_EXPRESSION = 'nested more than 200 levels: this expression has that many brackets, calls or operators inside one another; split it into smaller expressions, or compute the value in earlier steps';
    const object = '{a:'.repeat(999) + '1' + '}'.repeat(999);
    // the 201st `{` open at once, counted from the expression's own
    const column201 = (line: string, from = 0) => from + line.slice(from).split('{', 201).join('{').length + 1;
    const inText = `x {${object}} y\n`;
    expect(errors(inText)).toEqual([['nesting-depth', 1, column201(inText), TOO_DEEP_EXPRESSION]]);
    const inAttribute = `<Loop as="l" until={$index === 1} provide={${object}}>\n\nhi\n\n</Loop>\n`;
    expect(errors(inAttribute)).toEqual([['nesting-depth', 1, column201(inAttribute, inAttribute.indexOf('provide=')), TOO_DEEP_EXPRESSION]]);
  });

  it('gives an expression too deep for the parser a syntax error, not a crash', () => {
    const [diagnostic] = diagnosticsOf('x {' + '('.repeat(5000) + '1' + ')'.repeat(5000) + '}\n');
    expect(diagnostic).toMatchObject({ rule: 'mdx-syntax', line: 1 });
  });
});

describe('markdown micromark would take quadratic time over', () => {
  const MARKERS = (what: string, fix: string) =>
    `more than 1000 ${what} in one paragraph; the rest are not checked: split it into paragraphs with blank lines, or ${fix}`;
  const EMPHASIS = MARKERS('emphasis markers (`*` and `_`)', 'escape the ones that are not emphasis as \\* and \\_');

  it('stops a long emphasis run at its 1,001st marker', () => {
    expect(errors('*'.repeat(100_000) + 'x' + '*'.repeat(100_000) + '\n')).toEqual([['too-many-markers', 1, 1001, EMPHASIS]]);
  });

  it('stops nested emphasis (*a **b *c ...) at its 1,001st marker', () => {
    expect(errors('*a **b '.repeat(15_000) + '\n')).toEqual([['too-many-markers', 1, 2335, EMPHASIS]]);
  });

  it('stops 66,000 closing brackets at the 1,001st', () => {
    expect(errors('[a]'.repeat(66_000) + '\n')).toEqual([
      ['too-many-markers', 1, 1501, MARKERS('brackets (`[` and `]`)', 'escape the ones that are not links as \\[ and \\]')],
    ]);
  });

  it('counts markers per paragraph: 2,000 bold words in 1,000 list items are fine', () => {
    expect(errors('- **a** b\n'.repeat(1000))).toEqual([]);
  });

  it('cuts 300 nested list items at level 200', () => {
    const list = Array.from({ length: 300 }, (_, i) => '  '.repeat(i) + '- x\n').join('');
    expect(errors(list)).toEqual([
      ['nesting-depth', 100, 201, TOO_DEEP('this text')],
      ['nesting-depth', 101, 201, TOO_DEEP('this list')],
    ]);
  });

  it('cuts a line of 100,000 quote markers at level 200', () => {
    expect(errors('>'.repeat(100_000) + ' q\n')).toEqual([['nesting-depth', 1, 201, TOO_DEEP('this blockquote')]]);
  });
});

describe('frontmatter limits', () => {
  it('makes an alias bomb an error at the alias that expands too far', () => {
    const bomb = '---\ndata:\n  a: &a [x,x,x,x,x,x,x,x,x,x]\n  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n  c: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n---\n\nhi\n';
    expect(errors(bomb)).toEqual([
      ['yaml-alias', 5, 7, 'the YAML aliases here (*b) expand past the limit of 100 copies (aliases of aliases multiply): write the values out, or use fewer aliases'],
    ]);
  });

  it('stops YAML nested 300 levels deep before parsing it', () => {
    expect(errors('---\ndata:\n  a: ' + '['.repeat(300) + ']'.repeat(300) + '\n---\n\nhi\n')).toEqual([
      ['nesting-depth', 3, 204, 'nested more than 200 levels: the frontmatter has that many lists and maps inside one another here; flatten it'],
    ]);
  });

  it('still finds duplicate keys, in 20,000 keys too', () => {
    const keys = Array.from({ length: 20000 }, (_, i) => `  k${i}: v\n`).join('');
    expect(errors(`---\ndata:\n${keys}  k7: again\n---\n\nhi\n`)).toEqual([
      ['duplicate-key', 20003, 3, 'duplicate key `k7`: a key may appear only once in a map; remove or rename one of them'],
    ]);
  });
});

describe('line endings', () => {
  it('reads CRLF and CR files as LF ones, at the same lines and columns', () => {
    const lf = '---\nmodel: echo\n---\n\nhi {nope}\n\n<GenText as="x" />\n';
    const expected = diagnosticsOf(lf);
    expect(expected.map((d) => [d.rule, d.line, d.column])).toEqual([['unknown-name', 5, 5]]);
    expect(diagnosticsOf(lf.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(diagnosticsOf(lf.replace(/\n/g, '\r'))).toEqual(expected);
  });
});
