import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { inkPatchFor } from './components/ink-patches/substitutions.js';

const patches = fileURLToPath(new URL('./components/ink-patches/', import.meta.url));
const INK_FILE = /[\\/]node_modules[\\/](ink|ink-testing-library)[\\/]build[\\/].*\.js$/;

export default defineConfig({
  plugins: [
    {
      // The component tests render with the Ink users get: the TUI bundle puts our
      // components/ink-patches/ in place of parts of Ink (scripts/bundle-tui.js), and so do
      // the tests, from the same table.
      name: 'ink-patches',
      enforce: 'pre',
      resolveId(id, importer) {
        const patch = inkPatchFor(id, importer);
        return patch ? `${patches}${patch}.ts` : undefined;
      },
      // Their source maps point at src/*.ts files the packages do not ship, and Vite warns
      // about each one; the tests do not need them.
      load(id) {
        return INK_FILE.test(id) ? readFileSync(id, 'utf8').replace(/^\/\/# sourceMappingURL=.*$/m, '') : undefined;
      },
    },
  ],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 20000,
    hookTimeout: 30000,
    env: { FORCE_COLOR: '0', STEPWISE_ECHO_DELAY_MS: '0' },
    // Vitest hands packages to Node untransformed unless told otherwise; Ink has to go
    // through the plugin above, and ink-testing-library with it, so both use that one Ink.
    server: { deps: { inline: ['ink', 'ink-testing-library'] } },
  },
});
