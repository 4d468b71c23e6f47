import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox();
});
afterAll(() => sandbox.dispose());

describe('values out of an expression', () => {
  test.each([
    ['"héllo ✓"', 'héllo ✓'],
    ['`a${1 + 1}b`', 'a2b'],
    ['42', 42],
    ['-0.5', -0.5],
    ['1 / 0', Infinity],
    ['true', true],
    ['false', false],
    ['null', null],
    ['undefined', undefined],
    ['[1, "two", false, null, [3]]', [1, 'two', false, null, [3]]],
    ['{ a: 1, b: { c: [true] } }', { a: 1, b: { c: [true] } }],
    ['[1, 2, 3].map((n) => n * 2).filter((n) => n > 2)', [4, 6]],
    ['({ ...{ a: 1 }, b: 2 })', { a: 1, b: 2 }],
    ['[].length === 0 ? "empty" : "full"', 'empty'],
  ])('%s', (source, expected) => {
    expect(sandbox.evaluate(source, {})).toEqual(expected);
  });

  test('NaN comes back as NaN', () => {
    expect(sandbox.evaluate('0 / 0', {})).toBeNaN();
  });

  test('an object literal is an expression, not a block', () => {
    expect(sandbox.evaluate('{ langs, original: poem }', { langs: ['en', 'fr'], poem: 'roses' })).toEqual({
      langs: ['en', 'fr'],
      original: 'roses',
    });
  });

  test('undefined inside objects is dropped and inside arrays becomes null, as in JSON', () => {
    expect(sandbox.evaluate('({ a: undefined, b: [undefined] })', {})).toEqual({ b: [null] });
  });

  test('Dates become their ISO text', () => {
    expect(sandbox.evaluate('({ at: new Date(0) })', {})).toEqual({ at: '1970-01-01T00:00:00.000Z' });
  });

  test('results are fresh plain host objects', () => {
    const first = sandbox.evaluate('({ list: [1] })', {}) as { list: number[] };
    expect(Object.getPrototypeOf(first)).toBe(Object.prototype);
    expect(Array.isArray(first.list)).toBe(true);
    first.list.push(2);
    expect(sandbox.evaluate('({ list: [1] })', {})).toEqual({ list: [1] });
  });
});

describe('values into an expression', () => {
  test('every JSON type and undefined arrives as written', () => {
    const scope = {
      text: 'naïve ✓',
      count: 3.5,
      yes: true,
      nothing: null,
      missing: undefined,
      list: [1, 'a', null, { b: false }],
      object: { nested: { deep: [1, 2] } },
    };
    expect(
      sandbox.evaluate('[typeof text, text, count, yes, nothing, typeof missing, list, object]', scope),
    ).toEqual(['string', 'naïve ✓', 3.5, true, null, 'undefined', [1, 'a', null, { b: false }], { nested: { deep: [1, 2] } }]);
  });

  test('scope values round-trip unchanged', () => {
    const value = { a: [1, { b: 'c' }], d: null, e: 'x'.repeat(5000) };
    expect(sandbox.evaluate('value', { value })).toEqual(value);
  });

  test('the same source sees each call’s own values', () => {
    const langs = ['en', 'fr', 'de'];
    const seen = [0, 1, 2, 1].map((i) => sandbox.evaluate('langs[$index].toUpperCase()', { langs, $index: i }));
    expect(seen).toEqual(['EN', 'FR', 'DE', 'FR']);
  });

  test('the same source works with differently shaped scopes', () => {
    expect(sandbox.evaluate('typeof a === "undefined" ? b : a', { b: 'only b' })).toBe('only b');
    expect(sandbox.evaluate('typeof a === "undefined" ? b : a', { a: 'a first', b: 'b' })).toBe('a first');
    expect(sandbox.evaluate('typeof a === "undefined" ? b : a', { b: 'b', a: 'a second' })).toBe('a second');
  });

  test('a changed object with the same identity is seen as changed', () => {
    const list = ['a'];
    expect(sandbox.evaluate('list.length', { list })).toBe(1);
    list.push('b');
    expect(sandbox.evaluate('list.length', { list })).toBe(2);
  });

  test('an expression cannot change a scope value for later evaluations', () => {
    const langs = ['en', 'fr'];
    expect(() => sandbox.evaluate('langs.push("de")', { langs })).toThrow('TypeError: object is not extensible');
    expect(sandbox.evaluate('(langs[0] = "xx", langs)', { langs })).toEqual(['en', 'fr']);
    expect(sandbox.evaluate('langs', { langs })).toEqual(['en', 'fr']);
    expect(langs).toEqual(['en', 'fr']);
  });

  test('names that are not identifiers are skipped instead of breaking the expression', () => {
    expect(sandbox.evaluate('ok', { ok: 1, 'not-a-name': 2, class: 3 })).toBe(1);
  });

  test('$ holds the scope’s $ keys plus z', () => {
    const scope = { $: { index: 2, self: [{ t: 'a' }, { t: 'b' }], last: { t: 'b' } } };
    expect(sandbox.evaluate('[$.index, $.self.length, $.last.t, typeof $.z.string]', scope)).toEqual([
      2,
      2,
      'b',
      'function',
    ]);
    expect(sandbox.evaluate('Object.keys($)', scope)).toEqual(['index', 'self', 'last', 'z']);
    expect(sandbox.evaluate('Object.keys($)', {})).toEqual(['z']);
  });

  test('a $ key named __proto__ is an ordinary key', () => {
    expect(sandbox.evaluate('Object.keys($)', { $: JSON.parse('{"__proto__": 1}') })).toEqual(['__proto__', 'z']);
  });

  test('standard built-ins work', () => {
    expect(
      sandbox.evaluate(
        '[Math.max(1, 5), JSON.stringify({ a: 1 }), Number("7"), String(8), parseInt("9x"), ' +
          'encodeURIComponent("a b"), Object.entries({ k: 1 }), new Date(86400000).getUTCDate(), ' +
          'typeof Date.now()]',
        {},
      ),
    ).toEqual([5, '{"a":1}', 7, '8', 9, 'a%20b', [['k', 1]], 2, 'number']);
  });
});

test('a scope value JSON cannot hold fails that call only', () => {
  const cyclic: Record<string, unknown> = { name: 'loop' };
  cyclic.self = cyclic;
  expect(() => sandbox.evaluate('cyclic.name', { cyclic })).toThrow(
    expect.objectContaining({
      kind: 'runtime',
      message: expect.stringMatching(/^a value in the expression's scope cannot be copied into the sandbox \(Converting circular structure to JSON\); pass plain data: text, numbers, booleans, null, arrays and objects without cycles$/),
    }),
  );
  expect(sandbox.evaluate('ok', { ok: 'fine' })).toBe('fine');
});
