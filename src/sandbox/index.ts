// The expression sandbox: QuickJS compiled to WebAssembly, so workflow expressions never
// run in the app's own JavaScript realm (docs/language.md §5, "Isolation").
import type { QuickJSWASMModule } from 'quickjs-emscripten';
import type { EvaluateOptions, Sandbox } from './types.js';
import { isPoisoned, loadedQuickJS, loadQuickJS, poisonQuickJS } from './quickjs.js';
import { Realm } from './realm.js';
import { SandboxError } from './errors.js';
import { SANDBOX_MEMORY_BYTES, SANDBOX_TIMEOUT_MS } from '../limits.js';

export { SandboxError, type SandboxErrorKind } from './errors.js';
export type { EvaluateOptions, Sandbox } from './types.js';

export interface SandboxOptions {
  /** default wall-clock limit per evaluation, 1000 ms unless given */
  timeoutMs?: number;
  /** memory limit of the sandbox, 64 MiB unless given */
  memoryBytes?: number;
}

const DEFAULT_TIMEOUT_MS = SANDBOX_TIMEOUT_MS;
const DEFAULT_MEMORY_BYTES = SANDBOX_MEMORY_BYTES;

export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const module = await loadQuickJS();
  return new QuickJSSandbox(
    module,
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    options.memoryBytes ?? DEFAULT_MEMORY_BYTES,
  );
}

class QuickJSSandbox implements Sandbox {
  private realm: Realm | undefined;
  private disposed = false;

  constructor(
    /** undefined while a fresh module loads after the old one was poisoned */
    private module: QuickJSWASMModule | undefined,
    private readonly timeoutMs: number,
    private readonly memoryBytes: number,
  ) {}

  evaluate(source: string, scope: Record<string, unknown>, options: EvaluateOptions = {}): unknown {
    if (this.disposed) throw new Error('this sandbox was disposed; create a new one with createSandbox()');
    const module = this.usableModule();
    const realm = (this.realm ??= new Realm(module, this.memoryBytes));
    try {
      return realm.evaluate(source, scope, options.timeoutMs ?? this.timeoutMs);
    } finally {
      if (realm.poisoned) poisonQuickJS(module);
      // after running out of memory (or host stack) start the next evaluation afresh
      if (realm.broken) this.retire(realm);
    }
  }

  dispose(): void {
    if (this.realm) this.retire(this.realm);
    this.disposed = true;
  }

  private usableModule(): QuickJSWASMModule {
    if (this.module === undefined || isPoisoned(this.module)) {
      // a poisoned heap may be damaged: abandon everything on it without freeing
      this.realm = undefined;
      this.module = loadedQuickJS();
    }
    if (this.module === undefined) {
      loadQuickJS().catch(() => {});
      throw new SandboxError(
        'memory',
        'the expression sandbox is restarting after an expression exhausted the stack; run the step again',
      );
    }
    return this.module;
  }

  private retire(realm: Realm): void {
    this.realm = undefined;
    if (this.module !== undefined && isPoisoned(this.module)) return;
    try {
      realm.dispose();
    } catch {
      // a runtime that failed badly may refuse to free cleanly; it is unreachable anyway
    }
  }
}
