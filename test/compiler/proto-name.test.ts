// `__proto__` as a name: on a plain JavaScript object it sets the prototype instead of a
// property, so the value vanished (from `outputs` in --json, from the names expressions
// see) without a word. It is refused where names are made, like a reserved word.
import { describe, expect, it } from 'vitest';
import { diagnosticsOf } from './compile-helpers.js';

const PROBLEM = 'is the prototype of every JavaScript object, so a value of that name would be lost: choose another name';

describe('__proto__ as a name', () => {
  it('as an action\'s `as`', () => {
    expect(diagnosticsOf('Hi.\n\n<GenText as="__proto__" model="echo" />\n')).toEqual([
      { severity: 'error', rule: 'invalid-as', line: 3, column: 10, message: `as="__proto__" ${PROBLEM}` },
    ]);
  });

  it('as a data or input key', () => {
    const text = '---\ndata:\n  __proto__:\n    polluted: 1\ninput:\n  __proto__: {}\n---\n\nHi.\n\n<GenText as="a" model="echo" />\n';
    expect(diagnosticsOf(text)).toEqual([
      { severity: 'error', rule: 'invalid-name', line: 3, column: 3, message: `\`__proto__\` in \`data\` ${PROBLEM}` },
      { severity: 'error', rule: 'invalid-name', line: 6, column: 3, message: `\`__proto__\` in \`input\` ${PROBLEM}` },
    ]);
  });
});
