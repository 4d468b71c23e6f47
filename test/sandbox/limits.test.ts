import { afterAll, beforeAll, expect, test } from 'vitest';
import { createSandbox, SandboxError, type Sandbox } from '../../src/sandbox/index.js';
import { loadQuickJS } from '../../src/sandbox/quickjs.js';
import { thrown } from '../support/thrown.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox();
});
afterAll(() => sandbox.dispose());

function failure(run: () => unknown): SandboxError {
  return thrown(run, SandboxError, 'the evaluation');
}

function stillWorks(target: Sandbox = sandbox): void {
  expect(target.evaluate('langs.map((l) => l.toUpperCase())', { langs: ['en', 'fr'] })).toEqual(['EN', 'FR']);
}

const OUT_OF_MEMORY =
  'the expression used more than 64 MiB of memory and was stopped; build smaller strings and arrays ' +
  '(look for a huge repeat() or Array(n))';
const STACK_OVERFLOW =
  'the expression nested too deeply (stack overflow) and was stopped; look for a function that calls itself ' +
  'without end, or flatten deeply nested data';

test('an endless loop stops at the per-call time limit', () => {
  const started = performance.now();
  const error = failure(() => sandbox.evaluate('(() => { while (true) {} })()', {}, { timeoutMs: 150 }));
  const elapsed = performance.now() - started;
  expect(error.kind).toBe('timeout');
  expect(error.message).toBe(
    'the expression ran longer than 150 ms and was stopped; look for an endless loop or make it do less work',
  );
  expect(elapsed).toBeGreaterThanOrEqual(149);
  expect(elapsed).toBeLessThan(1000);
  stillWorks();
});

test('the default time limit is 1000 ms', () => {
  const started = performance.now();
  const error = failure(() => sandbox.evaluate('(() => { for (;;) {} })()', {}));
  expect(error.message).toBe(
    'the expression ran longer than 1000 ms and was stopped; look for an endless loop or make it do less work',
  );
  expect(performance.now() - started).toBeLessThan(2500);
  stillWorks();
});

test('the sandbox-wide time limit can be set, and try/catch cannot swallow the stop', async () => {
  const quick = await createSandbox({ timeoutMs: 100 });
  const error = failure(() => quick.evaluate('(() => { try { while (true) {} } catch { return "caught" } })()', {}));
  expect(error.kind).toBe('timeout');
  expect(error.message).toContain('longer than 100 ms');
  stillWorks(quick);
  quick.dispose();
});

test('a slow getter in the result is covered by the time limit too', () => {
  const error = failure(() =>
    sandbox.evaluate('({ get slow() { while (true) {} } })', {}, { timeoutMs: 100 }),
  );
  expect(error.kind).toBe('timeout');
  stillWorks();
});

test.each([
  ["'x'.repeat(2**28)"],
  ['Array(1e9).fill(0)'],
  ['(() => { const parts = []; while (true) parts.push("chunk" + parts.length); })()'],
])('a huge allocation runs out of memory: %s', (source) => {
  const error = failure(() => sandbox.evaluate(source, {}, { timeoutMs: 5000 }));
  expect(error.kind).toBe('memory');
  expect(error.message).toBe(OUT_OF_MEMORY);
  stillWorks();
});

test('the memory limit can be set', async () => {
  const small = await createSandbox({ memoryBytes: 16 * 1024 * 1024 });
  expect(small.evaluate("'x'.repeat(2**20).length", {})).toBe(2 ** 20);
  const error = failure(() => small.evaluate("'x'.repeat(2**25).length", {}));
  expect(error.kind).toBe('memory');
  expect(error.message).toContain('more than 16 MiB of memory');
  stillWorks(small);
  small.dispose();
});

test.each([
  ['(function f() { return f(); })()'],
  ['(function f(n) { return [f(n + 1)]; })(0)'],
  ['JSON.parse("[".repeat(100000) + "]".repeat(100000))'],
  ['(() => { let a = []; for (let i = 0; i < 100000; i++) a = [a]; return JSON.stringify(a); })()'],
  ['(() => { let a = []; for (let i = 0; i < 100000; i++) a = [a]; return String(a); })()'],
  ['new RegExp("(?:".repeat(100000) + ")".repeat(100000)).test("")'],
])('deep recursion is an error, not a crash: %s', (source) => {
  const error = failure(() => sandbox.evaluate(source, {}));
  expect(error.kind).toBe('memory');
  expect(error.message).toBe(STACK_OVERFLOW);
  stillWorks();
});

test('moderate recursion is fine', () => {
  expect(sandbox.evaluate('(function f(n) { return n === 0 ? 0 : 1 + f(n - 1); })(200)', {})).toBe(200);
});

test('scope values cached before running out of memory are still right after', () => {
  const scope = { poem: 'roses are red', langs: ['en', 'fr'] };
  expect(sandbox.evaluate('poem + langs.length', scope)).toBe('roses are red2');
  expect(() => sandbox.evaluate("'x'.repeat(2**28)", scope)).toThrow(OUT_OF_MEMORY);
  expect(sandbox.evaluate('poem + langs.length', scope)).toBe('roses are red2');
});

test('the host stack running out under QuickJS is a memory error, and the sandbox recovers', async () => {
  const nested = (depth: number, run: () => unknown): unknown => (depth === 0 ? run() : nested(depth - 1, run));
  let error: unknown;
  // call in from ever deeper host stacks until a recursive expression no longer fits
  for (let depth = 0; error === undefined && depth < 200_000; depth += 200) {
    try {
      nested(depth, () => sandbox.evaluate('(function f(n) { return n ? [f(n - 1)] : 0; })(250) && 1', {}));
    } catch (caught) {
      error = caught;
    }
  }
  expect(error).toBeInstanceOf(SandboxError);
  expect((error as SandboxError).kind).toBe('memory');
  await loadQuickJS();
  stillWorks();
  expect(sandbox.evaluate('(function f(n) { return n ? [f(n - 1)] : 0; })(250) && 1', {})).toBe(1);
});
