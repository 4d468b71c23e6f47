// Loads the QuickJS WebAssembly module once per process; every sandbox shares it and
// gets its own runtime (memory limit, interrupt handler) and context on top.
import { getQuickJS, type QuickJSWASMModule } from 'quickjs-emscripten';

let loading: Promise<QuickJSWASMModule> | undefined;

export function loadQuickJS(): Promise<QuickJSWASMModule> {
  loading ??= getQuickJS().catch((error: unknown) => {
    // let a later call try again instead of caching the failure forever
    loading = undefined;
    throw error;
  });
  return loading;
}
