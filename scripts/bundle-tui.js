#!/usr/bin/env node
// Part of `npm run build`, after tsc: bundles the compiled TUI (components/, Ink, React and
// their dependencies) into one tree-shaken file, dist/components/run-tui.bundle.js. Loading
// hundreds of small modules was most of the time before the first frame; one file loads
// in a third of it. The engine (create-run and the sandbox's WebAssembly) stays outside,
// loaded after the first frame. `stepwise` falls back to the unbundled files when the
// bundle is missing. The bundle also puts components/ink-patches/ in place of parts of Ink
// (the table is components/ink-patches/substitutions.ts, which vitest.config.ts reads too).
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/components/', import.meta.url));
const { INK_PATCHES, inkPatchFor } = await import(new URL('../dist/components/ink-patches/substitutions.js', import.meta.url).href);
const patched = new Set();

let build;
try {
  ({ build } = await import('rolldown'));
} catch {
  process.stderr.write('bundle-tui: rolldown is not installed (a development dependency): the TUI runs unbundled\n');
  process.exit(0);
}

await build({
  input: `${dist}run-tui.js`,
  platform: 'node',
  // the engine is loaded after the first frame, from dist/src, beside this bundle
  external: [/\/create-run\.js$/, /^node:/],
  treeshake: true,
  transform: { define: { 'process.env.NODE_ENV': '"production"' } },
  plugins: [
    {
      // Ink's screen buffer and text measuring, replaced by ours (components/ink-patches/),
      // which keep what the last frame computed instead of redoing the whole screen on
      // every frame
      name: 'ink-patches',
      resolveId(id, importer) {
        const patch = inkPatchFor(id, importer);
        if (!patch) return undefined;
        patched.add(id);
        return `${dist}ink-patches/${patch}.js`;
      },
      buildEnd() {
        // a new Ink that no longer imports one of these would silently drop the patch
        const missed = Object.keys(INK_PATCHES).filter((id) => !patched.has(id));
        if (missed.length) throw new Error(`bundle-tui: Ink no longer imports ${missed.join(', ')}; update INK_PATCHES in components/ink-patches/substitutions.ts`);
      },
    },
    {
      // Ink loads React DevTools only in development; the bundle is for production
      name: 'no-devtools',
      resolveId: (id) => (id === 'react-devtools-core' ? '\0devtools-stub' : undefined),
      load: (id) => (id === '\0devtools-stub' ? 'export default { initialize() {}, connectToDevTools() {} };' : undefined),
    },
  ],
  output: { file: `${dist}run-tui.bundle.js`, format: 'esm', codeSplitting: false },
  logLevel: 'silent',
});
