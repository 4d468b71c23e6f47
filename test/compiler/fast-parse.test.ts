// The compiler's fast parse path (src/compiler/fast-parse.ts) must give exactly the tree
// remark-mdx gives for every chunk it accepts, and a chunked document must parse like one
// whole parse. bench/verify-fast-parse.js checks that on thousands of variants, every
// example and every fixture; this runs it against the build (npm test builds first).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assertBuilt } from '../support/run-cli.js';

describe('the fast parse path', () => {
  it('agrees with remark-mdx on every variant, example and fixture', () => {
    assertBuilt();
    const script = fileURLToPath(new URL('../../bench/verify-fast-parse.js', import.meta.url));
    const result = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const [documents, shipped, variants] = result.stdout.trim().split('\n');
    expect(documents).toMatch(/^\d+ documents parse the same chunked as whole$/);
    expect(shipped).toMatch(/^\d+ shipped workflows parse the same chunked as whole$/);
    // the fast path must actually take part, not leave everything to remark-mdx
    expect(Number(/^fast parse: (\d+) variants gave remark-mdx's tree/.exec(variants!)![1])).toBeGreaterThan(1000);
  });
});
