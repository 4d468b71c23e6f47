// examples/writer/ as a user copies it: the real binary runs writer.mdx headless against the
// local OpenAI-compatible server (through OPENAI_BASE_URL, as for any compatible endpoint);
// the model calls write_files and the story lands in stories/. A path that would leave that
// folder is refused and the model is told why.
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertBuilt, ROOT, runCli } from '../support/run-cli.js';
import { startOpenAIServer, type OpenAIServer } from '../support/openai-server.js';

beforeAll(assertBuilt);

let server: OpenAIServer;
beforeEach(async () => {
  server = await startOpenAIServer();
});
afterEach(async () => {
  await server.close();
});

function copyExample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-writer-'));
  cpSync(join(ROOT, 'examples', 'writer'), dir, { recursive: true });
  return dir;
}

const run = (dir: string) =>
  runCli(['run', 'writer.mdx', '--json', '--input', 'topic=rain'], { cwd: dir, env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'sk-test-writer' } });

describe('examples/writer', () => {
  it('checks clean', async () => {
    const result = await runCli(['check', join(ROOT, 'examples', 'writer', 'writer.mdx')]);
    expect(result.stdout).toBe('ok: 1 file, no problems\n');
    expect(result.code).toBe(0);
  });

  it('the model calls write_files and the story is saved in stories/', async () => {
    const story = '# Rain\n\nIt rained all night.';
    server.reply({ kind: 'tools', calls: [{ name: 'write_files', args: { files: [{ path: 'rain.md', content: story }] } }] });
    server.reply({ kind: 'text', text: 'rain.md' });
    const dir = copyExample();
    const result = await run(dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'stories', 'rain.md'), 'utf8')).toBe(story);
    expect(JSON.parse(result.stdout).outputs).toEqual({ saved: 'rain.md' });
    const first = server.requests[0]!.body;
    expect(first.model).toBe('gpt-4o-mini');
    expect(first.messages.at(-1).content).toContain('Write a very short story (under 150 words) about rain.');
    expect(first.tools.map((tool: { function: { name: string } }) => tool.function.name)).toEqual(['write_files']);
    expect(server.requests[1]!.body.messages.at(-1)).toEqual({ role: 'tool', tool_call_id: 'call_1', content: 'saved stories/rain.md' });
  });

  it('a path outside stories/ is refused: nothing is written there and the model gets the reason', async () => {
    server.reply({ kind: 'tools', calls: [{ name: 'write_files', args: { files: [{ path: '../escape.md', content: 'x' }] } }] });
    server.reply({ kind: 'text', text: 'I could not save it.' });
    const dir = copyExample();
    const result = await run(dir);
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'escape.md'))).toBe(false);
    expect(server.requests[1]!.body.messages.at(-1).content).toContain('../escape.md is outside the stories folder; use a plain file name');
  });
});
