import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSandbox, SandboxError, type Sandbox } from '../../src/sandbox/index.js';
import { thrown } from '../support/thrown.js';

let sandbox: Sandbox;
let hostGlobals: string[];
beforeAll(async () => {
  sandbox = await createSandbox();
  hostGlobals = Object.getOwnPropertyNames(globalThis).sort();
});
afterAll(() => {
  // nothing an expression did reached the host realm
  expect(Object.getOwnPropertyNames(globalThis).sort()).toEqual(hostGlobals);
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
  expect(typeof process.exit).toBe('function');
  sandbox.dispose();
});

function failure(source: string, scope: Record<string, unknown> = {}): SandboxError {
  return thrown(() => sandbox.evaluate(source, scope), SandboxError, `\`${source}\``);
}

function stillWorks(): void {
  expect(sandbox.evaluate('[poem.length, langs[1]]', { poem: 'abc', langs: ['en', 'fr'] })).toEqual([3, 'fr']);
}

const NO_CODE_FROM_STRINGS =
  'EvalError: building code from strings is not allowed in expressions; write the code directly';

test.each([
  ["this.constructor.constructor('return process')()"],
  ["(() => {}).constructor('return this')()"],
  ["Function('return process')()"],
  ["(async () => {}).constructor('return process')()"],
  ["(function* () {}).constructor('return process')()"],
  ["eval('process')"],
  ["x['constr' + 'uctor']['constr' + 'uctor']('return process')()"],
])('code built from strings cannot run: %s', (source) => {
  const error = failure(source, { x: { a: 1 } });
  expect(error.kind).toBe('runtime');
  expect(error.message).toBe(NO_CODE_FROM_STRINGS);
  stillWorks();
});

test('the host has no names in the sandbox', () => {
  expect(
    sandbox.evaluate(
      '[typeof process, typeof require, typeof module, typeof setTimeout, typeof setInterval, typeof fetch, ' +
        'typeof Buffer, typeof globalThis.process, typeof std, typeof os]',
      {},
    ),
  ).toEqual(Array(10).fill('undefined'));
});

test.each([
  ['globalThis.process.env', "TypeError: cannot read property 'env' of undefined"],
  ["require('fs')", "ReferenceError: 'require' is not defined"],
  ["process.mainModule.require('child_process')", "ReferenceError: 'process' is not defined"],
  ["setTimeout(() => {}, 0)", "ReferenceError: 'setTimeout' is not defined"],
  ["fetch('http://127.0.0.1')", "ReferenceError: 'fetch' is not defined"],
])('reaching for the host fails: %s', (source, message) => {
  const error = failure(source);
  expect(error.kind).toBe('runtime');
  expect(error.message).toBe(message);
  stillWorks();
});

test("import('fs') only makes a Promise, which is not data", () => {
  expect(failure("import('fs')").message).toContain('but this one produced a Promise');
  expect(sandbox.evaluate("typeof import('fs').then", {})).toBe('function');
  stillWorks();
});

test("a scope object's constructor is the sandbox's own Object", () => {
  const scope = { x: { a: 1 } };
  expect(sandbox.evaluate("x['constr' + 'uctor'] === Object", scope)).toBe(true);
  expect(
    sandbox.evaluate(
      "[typeof x['constr' + 'uctor'].constructor, typeof x['__proto__'].__defineGetter__, Object.keys(globalThis)]",
      scope,
    ),
  ).toEqual(['function', 'function', []]);
});

test('the sandbox global object is the only one a trick can reach, and it is empty', () => {
  expect(sandbox.evaluate('Object.keys((function () { return this; })())', {})).toEqual([]);
  expect(sandbox.evaluate('(function () { return this; })() === globalThis', {})).toBe(true);
});

test('changing Object.prototype does not leak into later results or the host', () => {
  expect(sandbox.evaluate('(Object.prototype.polluted = 1, ({}).polluted)', {})).toBeUndefined();
  expect(sandbox.evaluate('(Object.prototype.toJSON = () => "hijacked", { a: 1 })', {})).toEqual({ a: 1 });
  expect(sandbox.evaluate('(Array.prototype.map = null, [1, 2].map((n) => n + 1))', {})).toEqual([2, 3]);
  const result = sandbox.evaluate('({ a: { b: [1] } })', {}) as Record<string, unknown>;
  expect(result).toEqual({ a: { b: [1] } });
  expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  expect(Object.keys(result)).toEqual(['a']);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test('new globals do not survive into the next evaluation', () => {
  expect(sandbox.evaluate('(globalThis.leak = 1, typeof leak)', {})).toBe('undefined');
  expect(sandbox.evaluate('(leak2 = 1, typeof leak2)', {})).toBe('undefined');
  expect(sandbox.evaluate('typeof leak', {})).toBe('undefined');
});

test('$.z cannot be tampered with for later evaluations', () => {
  sandbox.evaluate('($.z.string = () => 1, Object.getPrototypeOf($.z.string()).toJSON = () => 2, 0)', {});
  expect(sandbox.evaluate('$.z.string()', {})).toStrictEqual({ type: 'string' });
});

test('a JSON result with a __proto__ key stays a plain own property on the host', () => {
  const result = sandbox.evaluate('JSON.parse(\'{"__proto__": {"polluted": true}}\')', {}) as Record<string, unknown>;
  expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  expect(Object.keys(result)).toEqual(['__proto__']);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test('host scope objects are copied, never shared', () => {
  const host = { list: [1, 2] };
  expect(sandbox.evaluate('(host.list.length = 0, host.list.length)', { host })).toBe(2);
  expect(host).toEqual({ list: [1, 2] });
});

test('a fragment cannot be changed by one expression to alter what the next one renders', () => {
  // what the compiler makes of {<>a</>}: a call of the prelude's fragment(), no JSX
  const tamper = "(() => { const proto = Object.getPrototypeOf(__stepwise.fragment(['a'])); try { proto.toString = () => 'hacked'; } catch {} try { proto.toJSON = () => 'hacked'; } catch {} return 1; })()";
  expect(sandbox.evaluate(tamper, {})).toBe(1);
  expect(sandbox.evaluate("`${__stepwise.fragment(['b'])}`", {})).toBe('b');
  expect(sandbox.evaluate("__stepwise.shown([__stepwise.fragment(['c']), __stepwise.fragment(['d'])])", {})).toBe('c\nd');
  expect(sandbox.evaluate("{ a: __stepwise.fragment(['e']) }", {})).toEqual({ a: 'e' });
  stillWorks();
});
