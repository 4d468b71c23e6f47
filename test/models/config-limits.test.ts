// The config's `limits`: sizes in bytes over the defaults of src/limits.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadProjectConfig } from '../../src/config/load-config.js';
import { DEFAULT_LIMITS, formatBytes, hostLimits } from '../../src/limits.js';

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'stepwise-limits-config-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function load(limits: string) {
  writeFileSync(join(dir, 'stepwise.config.mjs'), `export default { limits: ${limits} };\n`);
  return loadProjectConfig(dir, dir);
}

describe('limits in stepwise.config', () => {
  it('are read, and fill in over the defaults', async () => {
    const loaded = await load('{ output: 8 * 1024 * 1024 }');
    expect(loaded.error).toBeNull();
    expect(hostLimits(loaded.config?.limits)).toEqual({ output: 8 * 1024 * 1024, prompt: 1024 * 1024, saved: 64 * 1024 * 1024 });
    expect(DEFAULT_LIMITS).toEqual({ output: 4 * 1024 * 1024, prompt: 1024 * 1024, saved: 64 * 1024 * 1024 });
  });

  it('say what is wrong with a misspelt name or a value that is not a size', async () => {
    const file = join(dir, 'stepwise.config.mjs');
    expect((await load('{ outputs: 10 }')).error).toBe(`${file}: \`limits\` has no \`outputs\`; the limits are \`output\`, \`prompt\`, \`saved\``);
    expect((await load("{ saved: '64MB' }")).error).toBe(
      `${file}: \`limits.saved\` must be a whole number of bytes above 0 (the default is 67108864), e.g. limits: { output: 8 * 1024 * 1024 }`,
    );
    expect((await load('[1]')).error).toBe(`${file}: \`limits\` must be an object of sizes in bytes (output, prompt, saved), e.g. limits: { output: 8 * 1024 * 1024 }`);
  });

  it('sizes read the way the messages print them', () => {
    expect([17, 1000, 1536, 4 * 1024 * 1024, 5.2 * 1024 * 1024, 3e9].map(formatBytes)).toEqual(['17 bytes', '1000 bytes', '1.5 KiB', '4 MiB', '5.2 MiB', '2.8 GiB']);
  });
});
