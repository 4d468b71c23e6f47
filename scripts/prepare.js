#!/usr/bin/env node
// `prepare`: builds dist/ on `npm install` in a clone. npm's global install from a git URL
// (`npm install -g git+https://…`) also runs it, but without the development dependencies
// that build (tsc, rolldown): say which routes work instead of failing with `tsc: not found`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync(new URL('../node_modules/typescript/package.json', import.meta.url))) {
  process.stderr.write(
    'stepwise cannot be built here: the build tools (development dependencies) are not installed.\n' +
      'npm does not install them for `npm install -g git+…`. Install from a clone instead:\n' +
      '  git clone … stepwise && cd stepwise && npm install && npm pack && npm install -g ./stepwise-*.tgz\n',
  );
  process.exit(1);
}
const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
