// Moves host scope values into QuickJS. Workflows evaluate many expressions against the
// same few values (a document, a list of languages), so each distinct string and each
// distinct object (by its JSON text) is copied in once and its handle reused; the copies
// are frozen inside the sandbox, so sharing them between evaluations is safe.
import type { QuickJSContext, QuickJSHandle } from 'quickjs-emscripten';
import { SandboxError } from './errors.js';

/** Cached copies may hold this many characters in total before the oldest are dropped. */
const CACHE_CHARS = 4 * 1024 * 1024;
/** A single value longer than this is copied per call instead of cached. */
const LARGEST_CACHED = 1024 * 1024;

export class ValueCache {
  private readonly strings = new Map<string, QuickJSHandle>();
  private readonly objects = new Map<string, QuickJSHandle>();
  private chars = 0;

  constructor(
    private readonly context: QuickJSContext,
    /** the prelude's `fromJSON`, which parses and deep-freezes inside the sandbox */
    private readonly fromJSON: QuickJSHandle,
    /** turns a QuickJS exception (out of memory, interrupted...) into the error to throw */
    private readonly failure: (error: QuickJSHandle) => Error,
  ) {}

  /**
   * A handle for `value`. Handles the caller must dispose after the call are pushed onto
   * `temporary`; cached and constant handles are not.
   */
  toHandle(value: unknown, temporary: QuickJSHandle[]): QuickJSHandle {
    const context = this.context;
    switch (typeof value) {
      case 'string':
        return this.cached(this.strings, value, temporary, () => context.newString(value));
      case 'number': {
        const handle = context.newNumber(value);
        temporary.push(handle);
        return handle;
      }
      case 'boolean':
        return value ? context.true : context.false;
      case 'bigint': {
        const handle = context.newNumber(Number(value));
        temporary.push(handle);
        return handle;
      }
      case 'object': {
        if (value === null) return context.null;
        const json = toJSON(value);
        return this.cached(this.objects, json, temporary, () => this.parse(json));
      }
      default:
        // functions and symbols are not data; an expression sees them as undefined
        return context.undefined;
    }
  }

  /** Drop the oldest copies once the cache holds too much (call between evaluations). */
  trim(): void {
    if (this.chars <= CACHE_CHARS) return;
    for (const map of [this.objects, this.strings]) {
      for (const [key, handle] of map) {
        if (this.chars <= CACHE_CHARS / 2) return;
        handle.dispose();
        map.delete(key);
        this.chars -= key.length;
      }
    }
  }

  dispose(): void {
    for (const map of [this.strings, this.objects]) {
      for (const handle of map.values()) if (handle.alive) handle.dispose();
      map.clear();
    }
    this.chars = 0;
  }

  private cached(
    map: Map<string, QuickJSHandle>,
    key: string,
    temporary: QuickJSHandle[],
    make: () => QuickJSHandle,
  ): QuickJSHandle {
    const hit = map.get(key);
    if (hit !== undefined) return hit;
    const handle = make();
    if (key.length > LARGEST_CACHED) {
      temporary.push(handle);
    } else {
      map.set(key, handle);
      this.chars += key.length;
    }
    return handle;
  }

  private parse(json: string): QuickJSHandle {
    const context = this.context;
    const text = context.newString(json);
    try {
      const result = context.callFunction(this.fromJSON, context.undefined, text);
      if (result.error) throw this.failure(result.error);
      return result.value;
    } finally {
      text.dispose();
    }
  }
}

/** JSON text of a host value; a value JSON cannot hold (a cycle, a BigInt) fails the call. */
function toJSON(value: object): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch (error) {
    throw new SandboxError(
      'runtime',
      `a value in the expression's scope cannot be copied into the sandbox (${String((error as Error).message).split('\n')[0]}); ` +
        'pass plain data: text, numbers, booleans, null, arrays and objects without cycles',
    );
  }
}
