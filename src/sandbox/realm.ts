// One QuickJS runtime + context with the prelude loaded: compiles expressions (cached per
// source and scope shape), calls them with the scope's values and brings results home.
import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from 'quickjs-emscripten';
import { PRELUDE } from './prelude.js';
import { ValueCache } from './values.js';
import { buildWrapper, isUsableName, MAX_NESTING, nestingDepth, type WrapperPlan } from './wrapper.js';
import { outOfMemoryError, SandboxError, stackOverflowError, timeoutError } from './errors.js';

/**
 * QuickJS's own stack check must fire before the host's native stack runs out (the WASM
 * frames live there); measured: 64 KiB still allows ~300 levels of JS recursion.
 */
const STACK_BYTES = 64 * 1024;
const MAX_COMPILED = 500;
const MAX_PLANS = 200;

interface CachedPlan extends WrapperPlan {
  keys: string[];
  scopeKey: string;
}

export class Realm {
  /** a failure left QuickJS in a state not worth reusing: build a new realm */
  broken = false;
  /** the host stack overflowed inside QuickJS: freeing this runtime is not safe either */
  poisoned = false;

  private readonly runtime: QuickJSRuntime;
  private readonly context: QuickJSContext;
  private readonly helpers: QuickJSHandle;
  private readonly toJSONText: QuickJSHandle;
  private readonly sourceOf: QuickJSHandle;
  private readonly values: ValueCache;
  private readonly compiled = new Map<string, QuickJSHandle>();
  private readonly plans = new Map<string, CachedPlan>();
  private readonly ownedHandles: QuickJSHandle[] = [];
  private deadline = Infinity;
  private interrupted = false;
  private timeoutMs = 0;

  constructor(module: QuickJSWASMModule, private readonly memoryBytes: number) {
    this.runtime = module.newRuntime();
    this.runtime.setMemoryLimit(memoryBytes);
    this.runtime.setMaxStackSize(STACK_BYTES);
    this.runtime.setInterruptHandler(() => {
      if (Date.now() <= this.deadline) return false;
      this.interrupted = true;
      return true;
    });
    this.context = this.runtime.newContext();
    this.helpers = this.context.unwrapResult(
      this.context.evalCode(PRELUDE, 'stepwise-prelude.js', { type: 'global' }),
    );
    const fromJSON = this.context.getProp(this.helpers, 'fromJSON');
    this.toJSONText = this.context.getProp(this.helpers, 'toJSONText');
    this.sourceOf = this.context.getProp(this.helpers, 'sourceOf');
    this.values = new ValueCache(this.context, fromJSON, (error) => this.failure(error, 'run'));
    this.ownedHandles.push(fromJSON);
  }

  evaluate(source: string, scope: Record<string, unknown>, timeoutMs: number): unknown {
    this.timeoutMs = timeoutMs;
    this.interrupted = false;
    this.deadline = Date.now() + timeoutMs;
    const temporary: QuickJSHandle[] = [];
    try {
      const plan = this.planFor(scope);
      const fn = this.compile(source, plan);
      const args = this.argumentsFor(plan, scope, temporary);
      const result = this.context.callFunction(fn, this.context.undefined, args);
      if (result.error) throw this.failure(result.error, 'run');
      return this.toHost(result.value);
    } catch (error) {
      if (error instanceof SandboxError) throw error;
      // an exception from the host side of the FFI, typically the native stack running out
      // inside QuickJS's parser or JSON code: its state is unknown now
      this.broken = true;
      this.poisoned = true;
      if (error instanceof RangeError) throw stackOverflowError();
      throw error;
    } finally {
      if (!this.poisoned) this.settle(temporary);
      this.deadline = Infinity;
    }
  }

  dispose(): void {
    if (this.poisoned) return;
    this.values.dispose();
    for (const handle of this.compiled.values()) handle.dispose();
    this.compiled.clear();
    for (const handle of [...this.ownedHandles, this.toJSONText, this.sourceOf, this.helpers]) handle.dispose();
    this.context.dispose();
    this.runtime.dispose();
  }

  /** Free this call's handles, run queued promise jobs (still under the deadline) so they
   * cannot pile up, and keep the value cache within its budget. */
  private settle(temporary: QuickJSHandle[]): void {
    for (const handle of temporary) handle.dispose();
    if (this.broken) return;
    if (this.runtime.hasPendingJob()) this.runtime.executePendingJobs(1000).dispose();
    this.values.trim();
  }

  private planFor(scope: Record<string, unknown>): CachedPlan {
    const keys = Object.keys(scope);
    const dollar = scope.$;
    const dollarKeys = isPlainObject(dollar) ? Object.keys(dollar) : [];
    const scopeKey = keys.join('\u0000') + '\u0001' + dollarKeys.join('\u0000');
    const hit = this.plans.get(scopeKey);
    if (hit !== undefined && sameList(hit.keys, keys) && sameList(hit.dollarKeys, dollarKeys)) return hit;
    if (hit !== undefined) {
      // names containing the separators collided with another shape: use an exact key
      const exactKey = JSON.stringify([keys, dollarKeys]);
      return { keys, dollarKeys, names: keys.filter(isUsableName), scopeKey: exactKey };
    }
    const plan: CachedPlan = { keys, dollarKeys, names: keys.filter(isUsableName), scopeKey };
    if (this.plans.size >= MAX_PLANS) this.plans.clear();
    this.plans.set(scopeKey, plan);
    return plan;
  }

  private argumentsFor(plan: CachedPlan, scope: Record<string, unknown>, temporary: QuickJSHandle[]): QuickJSHandle[] {
    const args: QuickJSHandle[] = [];
    for (const name of plan.names) args.push(this.values.toHandle(scope[name], temporary));
    if (plan.dollarKeys.length > 0) {
      const dollar = scope.$ as Record<string, unknown>;
      for (const key of plan.dollarKeys) args.push(this.values.toHandle(dollar[key], temporary));
    }
    return args;
  }

  private compile(source: string, plan: CachedPlan): QuickJSHandle {
    const cacheKey = plan.scopeKey + '\u0002' + source;
    const hit = this.compiled.get(cacheKey);
    if (hit !== undefined) return hit;
    if (nestingDepth(source) > MAX_NESTING) {
      throw new SandboxError(
        'syntax',
        `the expression nests brackets more than ${MAX_NESTING} levels deep; split it into simpler expressions`,
      );
    }
    const context = this.context;
    const { outer, inner } = buildWrapper(source, plan);
    const made = context.evalCode(outer, 'expression.js', { type: 'global' });
    if (made.error) throw this.failure(made.error, 'compile', source);
    const factory = made.value;
    let fn: QuickJSHandle;
    try {
      const call = context.callFunction(factory, context.undefined, this.helpers);
      if (call.error) throw this.failure(call.error, 'compile', source);
      fn = call.value;
    } finally {
      factory.dispose();
    }
    const text = context.callFunction(this.sourceOf, context.undefined, fn);
    const compiledText = text.error ? undefined : context.getString(text.value);
    text.dispose();
    if (compiledText !== inner) {
      fn.dispose();
      throw new SandboxError('syntax', `\`${source}\` is not a single expression; write one JavaScript expression, without statements`);
    }
    if (this.compiled.size >= MAX_COMPILED) {
      const [oldestKey, oldest] = this.compiled.entries().next().value!;
      oldest.dispose();
      this.compiled.delete(oldestKey);
    }
    this.compiled.set(cacheKey, fn);
    return fn;
  }

  /** Read a result into a fresh host value and free its handle. */
  private toHost(handle: QuickJSHandle): unknown {
    const context = this.context;
    try {
      switch (context.typeof(handle)) {
        case 'string':
          return context.getString(handle);
        case 'number':
          return context.getNumber(handle);
        case 'boolean':
          return context.getNumber(handle) !== 0;
        case 'undefined':
          return undefined;
        default: {
          const text = context.callFunction(this.toJSONText, context.undefined, handle);
          if (text.error) throw this.failure(text.error, 'run');
          const json = context.typeof(text.value) === 'string' ? context.getString(text.value) : undefined;
          text.value.dispose();
          return json === undefined ? undefined : JSON.parse(json);
        }
      }
    } finally {
      handle.dispose();
    }
  }

  /** Turn a QuickJS exception into the SandboxError to throw (and free its handle). */
  private failure(error: QuickJSHandle, phase: 'compile' | 'run', source?: string): SandboxError {
    let thrown: unknown;
    let unreadable = false;
    try {
      thrown = this.context.dump(error);
    } catch {
      // QuickJS could not even describe its exception: treat it as out of memory
      unreadable = true;
    } finally {
      if (error.alive) error.dispose();
    }
    if (this.interrupted) return timeoutError(this.timeoutMs);
    const { name, message } = describeThrown(thrown);
    if (unreadable || (name === 'InternalError' && message === 'out of memory')) {
      this.broken = true;
      return outOfMemoryError(this.memoryBytes);
    }
    if (message === 'stack overflow' && (name === 'InternalError' || name === 'SyntaxError')) return stackOverflowError();
    if (phase === 'compile') {
      return new SandboxError(
        'syntax',
        `${name ?? 'SyntaxError'}: ${message} in \`${source}\`; write one JavaScript expression, without statements`,
      );
    }
    return new SandboxError('runtime', name === undefined ? `the expression threw ${message}` : `${name}: ${message}`);
  }
}

function describeThrown(thrown: unknown): { name?: string; message: string } {
  if (isPlainObject(thrown) && typeof thrown.message === 'string') {
    return { name: typeof thrown.name === 'string' ? thrown.name : 'Error', message: thrown.message };
  }
  return { message: typeof thrown === 'string' ? JSON.stringify(thrown) : String(JSON.stringify(thrown) ?? thrown) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sameList(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
