import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSandbox, SandboxError, type Sandbox } from '../../src/sandbox/index.js';
import { thrown } from '../support/thrown.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox();
});
afterAll(() => sandbox.dispose());

function failure(source: string, scope: Record<string, unknown> = {}): SandboxError {
  return thrown(() => sandbox.evaluate(source, scope), SandboxError, `\`${source}\``);
}

test.each([
  ['undefined.x', "TypeError: cannot read property 'x' of undefined"],
  ['missing + 1', "ReferenceError: 'missing' is not defined"],
  ['(() => { throw new Error("boom") })()', 'Error: boom'],
  ['(() => { throw new RangeError("too far") })()', 'RangeError: too far'],
  ['(() => { throw "plain text" })()', 'the expression threw "plain text"'],
  ['JSON.parse("{")', 'SyntaxError: expecting property name'],
])('runtime error: %s', (source, message) => {
  const error = failure(source);
  expect(error.kind).toBe('runtime');
  expect(error.message).toBe(message);
});

test.each([
  ['1 +', "SyntaxError: unexpected token in expression: ')' in `1 +`; write one JavaScript expression, without statements"],
  ['throw 1', "SyntaxError: unexpected token in expression: 'throw' in `throw 1`; write one JavaScript expression, without statements"],
  ['let a = 1', "SyntaxError: expecting ')' in `let a = 1`; write one JavaScript expression, without statements"],
])('syntax error: %s', (source, message) => {
  const error = failure(source);
  expect(error.kind).toBe('syntax');
  expect(error.message).toBe(message);
});

test('source that closes the wrapper early is refused', () => {
  const escaping = '0); }, function () { const $ = 1; return (2';
  const error = failure(escaping);
  expect(error.kind).toBe('syntax');
  expect(error.message).toBe(`\`${escaping}\` is not a single expression; write one JavaScript expression, without statements`);
  expect(failure('0) }; (function(){ return (1').kind).toBe('syntax');
});

test('bracket nesting deeper than the parser can take is refused up front', () => {
  const error = failure('('.repeat(201) + '1' + ')'.repeat(201));
  expect(error.kind).toBe('syntax');
  expect(error.message).toBe('the expression nests brackets more than 200 levels deep; split it into simpler expressions');
  expect(sandbox.evaluate('('.repeat(200) + '1' + ')'.repeat(200), {})).toBe(1);
});

test.each([
  ['() => 1', 'a function; call it, or return its result instead'],
  ['({ run() {} })', 'a function at "run"; call it, or return its result instead'],
  ['[1, Math.max]', 'a function at "1"; call it, or return its result instead'],
  ['Symbol("s")', 'a symbol'],
  ['Promise.resolve(1)', 'a Promise; async code and import() are not supported'],
])('not data: %s', (source, what) => {
  const error = failure(source);
  expect(error.kind).toBe('runtime');
  expect(error.message).toBe(
    `TypeError: expressions must produce data (text, numbers, true/false, null, arrays, objects), but this one produced ${what}`,
  );
});

test('the sandbox keeps working after each kind of error', () => {
  for (const source of ['undefined.x', '1 +', '() => 1', '(() => { throw 1 })()']) {
    expect(() => sandbox.evaluate(source, {})).toThrow(SandboxError);
    expect(sandbox.evaluate('a * 2', { a: 21 })).toBe(42);
  }
});

test('a disposed sandbox says so', async () => {
  const short = await createSandbox();
  short.dispose();
  expect(() => short.evaluate('1', {})).toThrow('this sandbox was disposed; create a new one with createSandbox()');
});
