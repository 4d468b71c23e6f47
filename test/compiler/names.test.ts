import { describe, expect, it } from 'vitest';
import { diagnosticsOf } from './compile-helpers.js';

const FRONT = '---\nmodel: m\ndata:\n  style: short\ninput:\n  topic:\n    type: text\n---\n\n';

describe('names in expressions', () => {
  it('accepts data, inputs, earlier results, helpers and built-ins', () => {
    expect(
      diagnosticsOf(
        FRONT +
          'About {topic} in a {style} style, {Math.max(1, 2)} {JSON.stringify($)}.\n\n<GenText as="poem" />\n\n{poem.split("\\n").map((line) => line.trim()).join(" ")}\n\n<GenText as="two" />\n',
      ),
    ).toEqual([]);
  });

  it('reports an unknown name with a suggestion from what is visible', () => {
    expect(diagnosticsOf(FRONT + 'About {topci}.\n\n<GenText as="poem" />\n')).toEqual([
      { severity: 'error', rule: 'unknown-name', line: 10, column: 8, message: 'unknown name `topci`; did you mean `topic`?' },
    ]);
  });

  it('reports a name nobody defines with how to define it', () => {
    expect(diagnosticsOf(FRONT + 'About {process.env}.\n\n<GenText as="poem" />\n')).toEqual([
      {
        severity: 'error',
        rule: 'unknown-name',
        line: 10,
        column: 8,
        message: 'unknown name `process`: define it with an action\'s as="process" above, or as a frontmatter `input` or `data` key',
      },
    ]);
  });

  it('sees names from earlier phases but not later ones', () => {
    expect(diagnosticsOf(FRONT + 'A {later}.\n\n<GenText as="first" />\n\n---\n\nB {first}.\n\n<GenText as="later" />\n')).toEqual([
      {
        severity: 'error',
        rule: 'forward-reference',
        line: 10,
        column: 4,
        message: '`later` is used before it is defined at line 18; move this below that action',
      },
    ]);
  });

  it("does not let an action's attributes read its own result", () => {
    expect(diagnosticsOf(FRONT + 'A.\n\n<GenText as="poem" role={poem} />\n')).toEqual([
      {
        severity: 'error',
        rule: 'forward-reference',
        line: 12,
        column: 26,
        message: "`poem` is this GenText's own result and is not available in its own attributes",
      },
    ]);
  });

  it('does not check names inside comments', () => {
    expect(diagnosticsOf('About {Math.PI}.\n\n---\n\n> {nope}\n\nA {/* {nada} */}.\n\n<GenText as="a" model="m" />\n')).toEqual([]);
  });

  it('ignores names bound inside the expression and property names', () => {
    expect(diagnosticsOf(FRONT + '{[1, 2].map((n) => ({ n, double: n * 2 })).filter(({ n }) => n > topic.length)}\n\n<GenText as="a" />\n')).toEqual([]);
  });
});
