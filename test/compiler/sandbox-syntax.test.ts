// What `check` passes, the sandbox can run: each construct the sandbox refuses is a compile
// error at its place, and each one here is proven refused by the real sandbox too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { diagnosticsOf } from './compile-helpers.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox();
});
afterAll(() => sandbox.dispose());

/** `{expr}` in a prompt: the expression starts at line 1, column 9 (after "Write: {"). */
function check(expression: string) {
  return diagnosticsOf(`Write: {${expression}}\n\n<GenText as="a" model="echo" />\n`).map(({ rule, line, column, message }) => ({ rule, line, column, message }));
}

describe('syntax the sandbox refuses is a compile error with a hint', () => {
  it.each([
    // [expression, rule, column of the problem, a piece of the hint]
    ['(async () => 1)()', 'async-code', 10, 'remove `async`'],
    ['({ async f() { return 1 } }).f()', 'async-code', 12, 'remove `async`'],
    ['await 1', 'async-code', 9, 'remove `await`'],
    ['import("fs")', 'module-import', 9, 'a custom action in stepwise.config.ts'],
    ['import.meta.url', 'module-import', 9, 'a workflow is not a module'],
    ['[<b>x</b>]', 'jsx-expression', 10, 'template literal'],
    ['() => 1', 'function-value', 9, 'call it'],
    ['(function named() {})', 'function-value', 10, 'call it'],
    ['class {}', 'function-value', 9, 'call it'],
    ['1n', 'bigint-value', 9, 'write a plain number (`1`)'],
  ] as const)('{%s} is %s at its column, and the sandbox refuses it too', (expression, rule, column, hint) => {
    const diagnostics = check(expression);
    expect(diagnostics).toEqual([{ rule, line: 1, column, message: expect.stringContaining(hint) }]);
    expect(() => sandbox.evaluate(expression, {})).toThrow();
  });

  it('rejects an async function even where its Promise is dropped: nothing could use what it computes', () => {
    expect(check('[1].map(async function () { return 1 }).length').map((d) => [d.rule, d.column])).toEqual([['async-code', 17]]);
  });

  it('counts brackets inside strings as the sandbox does, so a string of 201 `(` fails check, not the run', () => {
    const deep = `"${'('.repeat(201)}"`;
    expect(check(deep).map((d) => [d.rule, d.column])).toEqual([['nesting-depth', 9]]);
    expect(() => sandbox.evaluate(deep, {})).toThrow(/nests brackets more than 200 levels/);
    const fine = `"${'('.repeat(200)}"`;
    expect(check(fine)).toEqual([]);
    expect(sandbox.evaluate(fine, {})).toBe('('.repeat(200));
  });

  it('accepts a fragment with lower-case tags as text, and still checks the names inside it', () => {
    expect(check('<>Hi <b>{nobody}</b></>').map((d) => [d.rule, d.column])).toEqual([['unknown-name', 18]]);
  });

  it('applies to attributes and Loop attributes as well as prompts', () => {
    const text = 'A.\n\n<GenText as="a" model="echo" role={await x} />\n\n<Loop as="l" until={<b>x</b>}>\n  B.\n\n  <GenText as="b" model="echo" />\n</Loop>\n';
    expect(diagnosticsOf(text).map((d) => [d.rule, d.line, d.column])).toEqual([
      ['async-code', 3, 36],
      ['unknown-name', 3, 42],
      ['jsx-expression', 5, 21],
    ]);
  });

  it.each([
    '[...(function* () { yield 1; yield 2 })()].join(", ")',
    '[1, 2].map((n) => n * 2)',
    '(() => "called")()',
    'String(10n)',
    '`${Math.max(1, 2)}`',
  ])('{%s} passes check and runs', (expression) => {
    expect(check(expression)).toEqual([]);
    expect(() => sandbox.evaluate(expression, {})).not.toThrow();
  });
});
