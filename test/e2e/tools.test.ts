// Stepping through a writer that saves files through a `write_files` tool, in the real
// binary in a real terminal, against the local OpenAI-compatible server streaming tool calls.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KEYS, startTerminal, type Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';
import { startOpenAIServer, type OpenAIServer } from '../support/openai-server.js';
import { keysReady, workspace } from './workspace.js';

let terminal: Terminal | undefined;
let server: OpenAIServer;
beforeAll(() => assertBuilt());
beforeEach(async () => {
  server = await startOpenAIServer();
});
afterEach(async () => {
  terminal?.kill('SIGKILL');
  await server.close();
});

const CONFIG = (url: string) => `import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { defineConfig, defineTool } from 'stepwise';
import { z } from 'zod';

export default defineConfig({
  tools: [defineTool({
    name: 'write_files',
    description: 'Saves files',
    parameters: z.object({ files: z.array(z.object({ path: z.string(), content: z.string() })) }),
    execute: ({ files }) => {
      for (const file of files) writeFileSync(join(${JSON.stringify('DIR')}, file.path), file.content);
      return 'saved ' + files.map((f) => f.path).join(', ');
    },
  })],
  providers: { local: { type: 'openai-compatible', baseURL: '${url}' } },
});
`;

const WRITER = "---\nmodel: local:writer\n---\n\nWrite a haiku about rain; save it as rain.txt.\n\n<GenText as=\"poem\" tools={['write_files']} />\n";
const SAVE = { name: 'write_files', args: { files: [{ path: 'rain.txt', content: 'soft rain' }] } };

async function open(): Promise<{ terminal: Terminal; dir: string }> {
  const space = workspace();
  space.write('stepwise.config.ts', CONFIG(server.url).replace('"DIR"', JSON.stringify(space.dir)));
  const file = space.write('writer.mdx', WRITER);
  const t = await startTerminal([file]);
  await t.waitFor('│ ready │');
  await keysReady(t);
  return { terminal: t, dir: space.dir };
}

describe('tool calls in the TUI', () => {
  it('n: the call waits for the author; Enter runs it and the panel shows name, arguments and result', async () => {
    server.reply({ kind: 'tools', calls: [SAVE] });
    server.reply({ kind: 'text', text: 'Saved the haiku.' });
    const opened = await open();
    terminal = opened.terminal;
    terminal.write('n');
    await terminal.waitFor('poem wants to call write_files {"files":[{"path":"rain.txt","content":"soft rain"}]}');
    expect(terminal.screen()).toContain('⚒ write_files {"files":[{"path":"rain.txt","content":"soft rain"}]} — waiting for your answer');
    expect(existsSync(join(opened.dir, 'rain.txt'))).toBe(false);
    expect(server.requests).toHaveLength(1);
    terminal.write(KEYS.enter);
    await terminal.waitFor('│ done │');
    expect(readFileSync(join(opened.dir, 'rain.txt'), 'utf8')).toBe('soft rain');
    expect(terminal.screen()).toContain('⚒ write_files {"files":[{"path":"rain.txt","content":"soft rain"}]} → saved rain.txt');
    expect(terminal.screen()).toContain('Saved the haiku.');
  });

  it('x: the author rejects the call with a message; the model gets it as the result and nothing is written', async () => {
    server.reply({ kind: 'tools', calls: [SAVE] });
    server.reply({ kind: 'text', text: 'Understood, not saved.' });
    const opened = await open();
    terminal = opened.terminal;
    terminal.write('n');
    await terminal.waitFor('wants to call write_files');
    terminal.write('x');
    await terminal.waitFor('Reject write_files, telling the model:');
    terminal.write('not yet, show me first');
    await terminal.waitFor('telling the model: not yet, show me first');
    terminal.write(KEYS.enter);
    await terminal.waitFor('│ done │');
    expect(existsSync(join(opened.dir, 'rain.txt'))).toBe(false);
    expect(server.requests[1]!.body.messages.at(-1)).toEqual({ role: 'tool', tool_call_id: 'call_1', content: 'not yet, show me first' });
    // wrapped, never cut at the screen edge
    expect(terminal.screen()).toContain('⚒ write_files {"files":[{"path":"rain.txt","content":"soft rain"}]} ✗ rejected: not yet, show\n      me first');
    expect(terminal.screen()).toContain('Understood, not saved.');
  });

  it('c: the call runs without asking', async () => {
    server.reply({ kind: 'tools', calls: [SAVE] });
    server.reply({ kind: 'text', text: 'Saved.' });
    const opened = await open();
    terminal = opened.terminal;
    terminal.write('c');
    await terminal.waitFor('│ done │');
    expect(readFileSync(join(opened.dir, 'rain.txt'), 'utf8')).toBe('soft rain');
    expect(terminal.screen()).toContain('→ saved rain.txt');
  });
});
