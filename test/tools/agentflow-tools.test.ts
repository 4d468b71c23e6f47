// Tools as an Agentflow project has them, against the local server: Agentflow's spelling
// (params, invoke), an AI SDK tool named with defineTool(name, tool), and zod 3 parameters.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { z as z3 } from 'zod/v3';
import { startOpenAIServer, type OpenAIServer } from '../support/openai-server.js';
import { startRun } from '../support/start-run.js';
import { compile } from '../../src/compiler/index.js';
import { defineTool } from '../../src/tools/define.js';
import type { StepwiseConfig } from '../../src/config/define.js';
import type { Run } from '../../src/runtime/run.js';

let server: OpenAIServer;
let run: Run | undefined;

beforeEach(async () => {
  server = await startOpenAIServer();
});
afterEach(async () => {
  run?.dispose();
  run = undefined;
  await server.close();
});

async function start(body: string, options: { extra: Partial<StepwiseConfig> }) {
  const config: StepwiseConfig = { providers: { local: { type: 'openai-compatible', baseURL: server.url } }, ...options.extra };
  const text = `---\nmodel: local:m\n---\n\n${body}`;
  const result = compile(text, 'inline.mdx', { tools: (config.tools ?? []).map((t) => t.name) });
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  run = (await startRun('inline.mdx', { workflow: result.workflow!, config })).run;
}

describe('tools written for Agentflow', () => {
  it("a tool in Agentflow's spelling (params, invoke) works as it is", async () => {
    server.reply({ kind: 'tools', calls: [{ name: 'shout', args: { text: 'hi' } }, { name: 'whisper', args: { text: 'HI' } }] });
    server.reply({ kind: 'text', text: 'Done.' });
    const shout = { name: 'shout', description: 'Upper case', params: z.object({ text: z.string() }), invoke: ({ text }: { text: string }) => text.toUpperCase() };
    const whisper = defineTool({ name: 'whisper', description: 'Lower case', params: z.object({ text: z.string() }), invoke: ({ text }) => text.toLowerCase() });
    await start('Go.\n\n<GenText as="x" tools={[\'shout\', \'whisper\']} />\n', { extra: { tools: [shout as never, whisper] } });
    run!.continue();
    await run!.idle();
    expect(run!.state.steps['0.0']!.toolCalls!.map((c) => [c.name, c.status, c.result])).toEqual([['shout', 'done', 'HI'], ['whisper', 'done', 'hi']]);
    expect(server.requests[0]!.body.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual(['shout', 'whisper']);
  });

  it("an AI SDK tool named with defineTool(name, tool), as Agentflow allows, works as it is", async () => {
    server.reply({ kind: 'tools', calls: [{ name: 'shout', args: { text: 'hi' } }, { name: 'whisper', args: { text: 'HI' } }] });
    server.reply({ kind: 'text', text: 'Done.' });
    // the AI SDK's own shapes: `inputSchema` (AI SDK 5 and later) and `parameters` (earlier)
    const seen: unknown[] = [];
    const shout = defineTool('shout', {
      description: 'Upper case',
      inputSchema: z.object({ text: z.string() }),
      // the AI SDK's execution options: its abortSignal and the call's id
      execute: ({ text }: { text: string }, options: { abortSignal: AbortSignal; toolCallId: string }) => {
        seen.push([options.abortSignal instanceof AbortSignal, options.toolCallId]);
        return text.toUpperCase();
      },
    });
    const whisper = defineTool('whisper', { description: 'Lower case', parameters: z.object({ text: z.string() }), execute: async ({ text }: { text: string }) => text.toLowerCase() });
    await start('Go.\n\n<GenText as="x" tools={[\'shout\', \'whisper\']} />\n', { extra: { tools: [shout, whisper] } });
    run!.continue();
    await run!.idle();
    expect(run!.state.steps['0.0']!.toolCalls!.map((c) => [c.name, c.status, c.result])).toEqual([['shout', 'done', 'HI'], ['whisper', 'done', 'hi']]);
    expect(seen).toEqual([[true, '1']]);
    expect(server.requests[0]!.body.tools.map((t: { function: { name: string; description: string } }) => [t.function.name, t.function.description])).toEqual([
      ['shout', 'Upper case'],
      ['whisper', 'Lower case'],
    ]);
  });

  it("a tool with zod 3 parameters (an Agentflow project's zod) is offered and checked like any other", async () => {
    server.reply({ kind: 'tools', calls: [{ name: 'write_files', args: { files: 'oops' } }, { name: 'write_files', args: { files: { 'a.txt': 'A' } } }] });
    server.reply({ kind: 'text', text: 'Saved.' });
    const written: Array<Record<string, string>> = [];
    // as @agentflow/tools makes it: a plain object, its schema from zod 3
    const writeFiles = {
      name: 'write_files',
      description: 'Writes files',
      params: z3.object({ files: z3.record(z3.string()).describe('path to contents') }),
      invoke: ({ files }: { files: Record<string, string> }) => void written.push(files),
    };
    await start('Save a.\n\n<GenText as="x" tools={[\'write_files\']} />\n', { extra: { tools: [writeFiles as never] } });
    run!.continue();
    await run!.idle();
    expect(run!.state.steps['0.0']!.error).toBeNull();
    expect(server.requests[0]!.body.tools[0].function.parameters.properties).toEqual({
      files: { type: 'object', additionalProperties: { type: 'string' }, description: 'path to contents' },
    });
    expect(run!.state.steps['0.0']!.toolCalls!.map((c) => c.status)).toEqual(['failed', 'done']);
    expect(run!.state.steps['0.0']!.toolCalls![0]!.result).toBe("invalid arguments for `write_files`: `files`: Expected object, received string");
    expect(written).toEqual([{ 'a.txt': 'A' }]);
  });
});
