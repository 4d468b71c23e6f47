// The expression sandbox: evaluates one JavaScript expression against a scope of plain values.

export interface EvaluateOptions {
  /** wall-clock limit for this evaluation, default 1000 ms */
  timeoutMs?: number;
}

export interface Sandbox {
  /**
   * Evaluate one expression. `scope` maps names to JSON-like values (plus undefined).
   * Returns a JSON-like value (plus undefined); `$.z` schemas come back as JSON Schema
   * objects. Throws `SandboxError` on a syntax error, a thrown exception, a timeout or
   * running out of memory.
   */
  evaluate(source: string, scope: Record<string, unknown>, options?: EvaluateOptions): unknown;
  dispose(): void;
}
