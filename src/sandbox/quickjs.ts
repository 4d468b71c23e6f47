// Loads the QuickJS WebAssembly module once per process; every sandbox shares it and
// gets its own runtime (memory limit, interrupt handler) and context on top.
//
// If the host's own stack runs out while QuickJS is mid-call, the exception unwinds
// through WebAssembly and can leave the module's heap half-updated. Such a module is
// "poisoned": no sandbox may use it again, and the next load makes a fresh instance.
import { newQuickJSWASMModule, type QuickJSWASMModule } from 'quickjs-emscripten';

let loading: Promise<QuickJSWASMModule> | undefined;
/** the loaded module, for sandboxes that must switch modules inside a synchronous call */
let loaded: QuickJSWASMModule | undefined;
const poisoned = new WeakSet<QuickJSWASMModule>();

export function loadQuickJS(): Promise<QuickJSWASMModule> {
  const attempt = (loading ??= newQuickJSWASMModule().then(
    (module) => {
      if (loading === attempt) loaded = module;
      return module;
    },
    (error: unknown) => {
      // let a later call try again instead of caching the failure forever
      if (loading === attempt) loading = undefined;
      throw error;
    },
  ));
  return attempt;
}

/** The current module if it has finished loading. */
export function loadedQuickJS(): QuickJSWASMModule | undefined {
  return loaded;
}

/** Stop handing out `module` and start loading its replacement right away. */
export function poisonQuickJS(module: QuickJSWASMModule): void {
  if (poisoned.has(module)) return;
  poisoned.add(module);
  if (loaded === module) {
    loaded = undefined;
    loading = undefined;
  }
  loadQuickJS().catch(() => {});
}

export function isPoisoned(module: QuickJSWASMModule): boolean {
  return poisoned.has(module);
}
