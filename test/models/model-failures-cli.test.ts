// What the author sees and what is saved when a provider misbehaves, through the real
// headless front end (in-process), the real SDK and the local test server.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/cli/main.js';
import { forgetSecrets } from '../../src/models/secrets.js';
import { startOpenAIServer, type OpenAIServer } from '../support/openai-server.js';

const KEY = 'sk-proj-EchoedBackKey0123456789-wxyz';
const MASKED = 'sk-…wxyz';
const WORKFLOW = 'First.\n\n<GenText as="first" model="openai:gpt-4o-mini" />\n\nSecond.\n\n<GenText as="second" model="openai:gpt-4o-mini" />\n';

let server: OpenAIServer;
let folder: string;
beforeEach(async () => {
  forgetSecrets();
  server = await startOpenAIServer();
  folder = mkdtempSync(join(tmpdir(), 'stepwise-failures-'));
  writeFileSync(join(folder, 'flow.mdx'), WORKFLOW);
});
afterEach(() => server.close());

async function headless(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    isTTY: false,
    env: { OPENAI_API_KEY: KEY, OPENAI_BASE_URL: server.url, STEPWISE_CONFIG_DIR: join(folder, 'settings'), NO_COLOR: '1', ...env },
    cwd: folder,
  };
  const code = await main(['run', 'flow.mdx', '--headless', '--out', join(folder, 'runs'), ...args], io);
  const runs = join(folder, 'runs', 'flow');
  const dir = join(runs, readdirSync(runs).sort().at(-1)!);
  const saved = readdirSync(dir).map((name) => readFileSync(join(dir, name), 'utf8'));
  return { code, stdout, stderr, saved: saved.join('\n'), dir };
}

describe('an API key the provider echoes back', () => {
  it('a 401 quoting the Authorization header: masked on stderr and in output.md and run.json', async () => {
    server.reply({ kind: 'text', text: `Noted: ${KEY} is your key.`, chunks: 7 });
    server.reply({ kind: 'error', status: 401, message: 'proxy says no to {authorization}' });
    const result = await headless([]);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr + result.saved).not.toContain(KEY);
    expect(result.stdout).toContain(`Noted: ${MASKED} is your key.`);
    expect(result.stderr).toContain(`failed: the provider rejected the API key (401 proxy says no to Bearer ${MASKED})`);
    expect(readFileSync(join(result.dir, 'output.md'), 'utf8')).toContain(`Noted: ${MASKED} is your key.`);
    expect(readFileSync(join(result.dir, 'run.json'), 'utf8')).toContain(`Bearer ${MASKED}`);
  });

  it('a 500 repeating the request headers, with --json', async () => {
    server.reply({ kind: 'error', status: 500, message: 'upstream failed', echoHeaders: true });
    const result = await headless(['--json']);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr + result.saved).not.toContain(KEY);
    const document = JSON.parse(result.stdout);
    expect(document.ok).toBe(false);
    expect(document.error.message).toContain(`"authorization":"Bearer ${MASKED}"`);
    expect(document.error.message).toMatch(/^the provider failed \(500 upstream failed \(request headers: /);
  });
});

describe('--timeout', () => {
  it('a silent server fails the step after --timeout seconds, saying so', async () => {
    server.reply({ kind: 'text', text: 'Kept.' });
    server.reply({ kind: 'silent' });
    const started = Date.now();
    const result = await headless(['--timeout', '0.5']);
    expect(result.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.stdout).toContain('Kept.');
    expect(result.stderr).toContain('failed: the server stopped responding (no data for 0.5 s): press r to retry; allow longer with --timeout SECONDS or `timeout` in stepwise.config.ts');
  });

  it('the config `timeout` is used when --timeout is not given', async () => {
    writeFileSync(join(folder, 'stepwise.config.mjs'), 'export default { timeout: 0.4 };\n');
    server.reply({ kind: 'silent' });
    const result = await headless([]);
    expect(result.stderr).toContain('the server stopped responding (no data for 0.4 s)');
  });
});
