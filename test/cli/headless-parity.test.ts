// Headless runs see what the TUI sees (issue 12): a `file` input's default is read as a
// file, the title heads the output, and a model error carries its step's line.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/cli/main.js';
import { startOpenAIServer, type OpenAIServer } from '../support/openai-server.js';

// a 1×1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const FILE_INPUTS = [
  '---',
  'title: Reading notes',
  'input:',
  '  notes:',
  '    type: file',
  '    default: notes.txt',
  '  pic:',
  '    type: file',
  '    fileType: image',
  '    default: pic.png',
  '---',
  '',
  'Summarise: {notes}',
  '',
  '<GenText as="summary" model="echo" />',
  '',
  '---',
  '',
  'Describe this: {pic}',
  '',
  '<GenText as="look" model="echo:all" />',
  '',
].join('\n');

let folder: string;
let elsewhere: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'stepwise-parity-'));
  // the command runs from another folder: defaults are read next to the workflow, as the form reads them
  elsewhere = join(folder, 'elsewhere');
  mkdirSync(elsewhere);
});

async function headless(file: string, args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    isTTY: false,
    env: { STEPWISE_ECHO_DELAY_MS: '0', STEPWISE_CONFIG_DIR: join(folder, 'settings'), NO_COLOR: '1', ...env },
    cwd: elsewhere,
  };
  const code = await main(['run', join(folder, file), '--headless', '--out', join(folder, 'runs'), ...args], io);
  return { code, stdout, stderr };
}

describe('a file input with a default, headless', () => {
  it('sends the text of the default file and the default image as an image, not their names', async () => {
    writeFileSync(join(folder, 'flow.mdx'), FILE_INPUTS);
    writeFileSync(join(folder, 'notes.txt'), 'Buy milk. Call Ann.');
    writeFileSync(join(folder, 'pic.png'), PNG);
    const result = await headless('flow.mdx', ['--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const document = JSON.parse(result.stdout);
    expect(document.outputs).toEqual({
      summary: 'Summarise: Buy milk. Call Ann.',
      // echo:all names each image part it received
      look: '[user]\nDescribe this:\n[image image/png]',
    });
    expect(document.inputs.pic).toMatchObject({ kind: 'image', path: join(folder, 'pic.png'), mediaType: 'image/png', data: PNG.toString('base64') });
  });

  it('stops with exit 2 and says how to fix a default file that is not there', async () => {
    writeFileSync(join(folder, 'flow.mdx'), FILE_INPUTS);
    writeFileSync(join(folder, 'pic.png'), PNG);
    const result = await headless('flow.mdx', []);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "input `notes`: its default file `notes.txt` cannot be read (paths are relative to the workflow's folder): create it, fix the default, or pass --input notes=PATH\n",
    );
  });
});

describe('the title, headless', () => {
  it('heads the human output on stdout, above the first phase', async () => {
    writeFileSync(join(folder, 'flow.mdx'), '# A tiny poem\n\nWrite one line.\n\n<GenText as="line" model="echo" />\n');
    const result = await headless('flow.mdx', []);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('A tiny poem\n\n── phase 1 ──\n\n▸ line (GenText, echo)\n# A tiny poem\n\nWrite one line.\n');
  });
});

describe('a model error, headless', () => {
  let server: OpenAIServer;
  beforeEach(async () => {
    server = await startOpenAIServer();
    writeFileSync(join(folder, 'flow.mdx'), 'First.\n\n<GenText as="first" model="echo" />\n\nSecond.\n\n<GenText as="second" model="openai:gpt-4o-mini" />\n');
  });
  afterEach(() => server.close());

  const env = () => ({ OPENAI_API_KEY: 'sk-test-0123456789abcdef', OPENAI_BASE_URL: server.url });

  it('--json: the error carries the failed step and its line', async () => {
    server.reply({ kind: 'error', status: 500, message: 'upstream failed' });
    const result = await headless('flow.mdx', ['--json'], env());
    expect(result.code).toBe(1);
    const document = JSON.parse(result.stdout);
    expect(document.error).toMatchObject({ step: 'second', line: 7 });
    expect(document.error.message).toContain('upstream failed');
  });

  it('the human output names the line on stderr', async () => {
    server.reply({ kind: 'error', status: 500, message: 'upstream failed' });
    const result = await headless('flow.mdx', [], env());
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/✗ second failed: .*upstream failed.* \(line 7\)\n/);
  });
});
