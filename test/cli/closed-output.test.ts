// `stepwise ... | head` : the reader goes away after the first lines. stepwise must not
// crash with a Node stack trace (write EPIPE) when that happens; a headless run still
// ends and is saved as usual.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN } from '../support/run-cli.js';

beforeAll(assertBuilt);

/** Runs stepwise with its stdout read only up to the first chunk, as `| head -1` does. */
function runIntoHead(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', OPENAI_API_KEY: '', STEPWISE_CONFIG_DIR: join(cwd, 'settings') };
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.once('data', () => child.stdout.destroy());
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('stdout closed by the reader (| head)', () => {
  it('check with a long report exits with its own code, without a crash', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'stepwise-head-'));
    writeFileSync(join(folder, 'many.mdx'), Array.from({ length: 3000 }, (_, i) => `x {missing${i}}\n`).join('\n'));
    const result = await runIntoHead(['check', 'many.mdx'], folder);
    expect(result.stderr).not.toMatch(/EPIPE|internal error|Unhandled/);
    expect(result.code).toBe(2);
  });

  it('a headless run goes on to the end and is saved', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'stepwise-head-'));
    const steps = Array.from({ length: 4 }, (_, i) => `Step ${i} ${'of words '.repeat(40)}\n\n<GenText as="s${i}" />\n`).join('\n---\n\n');
    writeFileSync(join(folder, 'flow.mdx'), steps);
    const result = await runIntoHead(['run', 'flow.mdx', '--headless', '--model', 'echo'], folder);
    expect(result.stderr).not.toMatch(/EPIPE|internal error|Unhandled/);
    expect(result.stderr).toContain('✓ done');
    expect(result.code).toBe(0);
    expect(readdirSync(join(folder, '.stepwise', 'runs', 'flow'))).toHaveLength(1);
  });
});
