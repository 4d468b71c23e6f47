// Tools through the real binary: `check` knows the config's tools, a headless run calls them
// without asking (a writer that saves files through `write_files`), --no-tools refuses them,
// and each call is in --json, on stderr and in run.json with its history.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../support/run-cli.js';
import { startOpenAIServer, type OpenAIServer } from '../support/openai-server.js';

beforeAll(assertBuilt);

let server: OpenAIServer;
beforeEach(async () => {
  server = await startOpenAIServer();
});
afterEach(async () => {
  await server.close();
});

const config = (url: string) => `import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { defineConfig, defineTool } from 'stepwise';
import { z } from 'zod';

const writeFiles = defineTool({
  name: 'write_files',
  description: 'Saves files to disk',
  parameters: z.object({ files: z.array(z.object({ path: z.string(), content: z.string() })) }),
  execute: ({ files }) => {
    for (const file of files) writeFileSync(join(process.cwd(), file.path), file.content);
    return 'saved ' + files.map((f) => f.path).join(', ');
  },
});

export default defineConfig({
  tools: [writeFiles],
  providers: { local: { type: 'openai-compatible', baseURL: '${url}' } },
});
`;

const WRITER = `---
model: local:writer
---

Write a haiku about rain and save it as rain.txt.

<GenText as="story" tools={['write_files']} maxSteps={3} />
`;

function project(workflow: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-tools-'));
  writeFileSync(join(dir, 'stepwise.config.ts'), config(server.url));
  writeFileSync(join(dir, 'writer.mdx'), workflow);
  return dir;
}

const SAVE = { name: 'write_files', args: { files: [{ path: 'rain.txt', content: 'soft rain on the roof' }] } };

describe('tools from the command line', () => {
  it('check: an unknown tool name is a compile error with a did-you-mean', async () => {
    const dir = project(WRITER.replace("'write_files'", "'write_file'"));
    const result = await runCli(['check', 'writer.mdx'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('writer.mdx:7:29  error  unknown tool `write_file`; did you mean `write_files`?  [unknown-tool]');
  });

  it('a headless run calls the tool without asking; the call is in --json, on stderr and in run.json', async () => {
    server.reply({ kind: 'tools', calls: [SAVE] });
    server.reply({ kind: 'text', text: 'Saved the haiku.' });
    const dir = project(WRITER);
    const result = await runCli(['run', 'writer.mdx', '--json'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, 'rain.txt'), 'utf8')).toBe('soft rain on the roof');
    const document = JSON.parse(result.stdout);
    const call = { id: '1', name: 'write_files', args: SAVE.args, status: 'done', result: 'saved rain.txt' };
    expect(document.outputs).toEqual({ story: 'Saved the haiku.' });
    expect(document.phases[0].steps[0].toolCalls).toEqual([call]);
    const saved = JSON.parse(readFileSync(join(document.session, 'run.json'), 'utf8'));
    expect(saved.steps['0.0'].toolCalls).toEqual([call]);
    expect(saved.history['0.0'][0].toolCalls).toEqual([call]);
    expect(readFileSync(join(document.session, 'output.md'), 'utf8')).toContain('write_files {"files":[{"path":"rain.txt","content":"soft rain on the roof"}]} → saved rain.txt');

    server.reply({ kind: 'tools', calls: [SAVE] });
    server.reply({ kind: 'text', text: 'Saved again.' });
    const human = await runCli(['run', 'writer.mdx', '--headless', '--fresh'], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(human.stderr).toContain('  tool write_files {"files":[{"path":"rain.txt","content":"soft rain on the roof"}]} → saved rain.txt\n');
  });

  it('--no-tools refuses the call: nothing is written and the model is told why', async () => {
    server.reply({ kind: 'tools', calls: [SAVE] });
    server.reply({ kind: 'text', text: 'I could not save it.' });
    const dir = project(WRITER);
    const result = await runCli(['run', 'writer.mdx', '--json', '--no-tools'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(existsSync(join(dir, 'rain.txt'))).toBe(false);
    expect(JSON.parse(result.stdout).phases[0].steps[0].toolCalls[0].status).toBe('refused');
    expect(server.requests[1]!.body.messages.at(-1)).toEqual({
      role: 'tool', tool_call_id: 'call_1', content: 'refused: tools are turned off for this run (--no-tools); answer without calling tools',
    });
    expect(readdirSync(dir).sort()).toEqual(['.stepwise', 'stepwise.config.ts', 'writer.mdx']);
  });

  it('stream={false}: the same loop, the answer at the end', async () => {
    server.reply({ kind: 'tools', calls: [SAVE] });
    server.reply({ kind: 'text', text: 'Saved.' });
    const dir = project(WRITER.replace('maxSteps={3}', 'maxSteps={3} stream={false}'));
    const result = await runCli(['run', 'writer.mdx', '--json'], { cwd: dir });
    expect(JSON.parse(result.stdout).outputs).toEqual({ story: 'Saved.' });
    expect(existsSync(join(dir, 'rain.txt'))).toBe(true);
  });

  it('a config tool without a description is refused with how to fix it', async () => {
    const dir = project(WRITER);
    writeFileSync(join(dir, 'stepwise.config.ts'), config(server.url).replace("description: 'Saves files to disk',", ''));
    const result = await runCli(['run', 'writer.mdx', '--json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('tools[0] must be defineTool({ name, description, parameters, execute }) with a name, a description, a zod schema and an execute function');
  });
});
