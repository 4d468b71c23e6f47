#!/usr/bin/env node
// The installed command. It runs the compiled JavaScript in dist/ (no TypeScript loader
// at run time, so startup stays fast); `npm install` builds dist/ through `prepare`.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// React's development build records every render as a performance entry and never lets
// go of them: a long TUI session would grow without bound. Tests set their own NODE_ENV.
process.env.NODE_ENV ??= 'production';

// Node 22+ keeps compiled code between runs (faster start); Node 20 has no such cache.
module.enableCompileCache?.();

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const entry = new URL('../dist/src/cli/main.js', import.meta.url);

if (!existsSync(entry)) {
  process.stderr.write(`stepwise is not built: run \`npm install\` (or \`npm run build\`) in ${root}\n`);
  process.exitCode = 2;
} else {
  const { main } = await import(entry.href);
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (err) {
    // A bug, not a user mistake: show the stack so it can be reported.
    process.stderr.write(`stepwise: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 1;
  }
}
