// A workflow run end to end through the real AI SDK against a real local HTTP server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAIServer, type OpenAIServer } from '../support/openai-server.js';
import { startRun } from '../support/start-run.js';
import type { Run } from '../../src/runtime/run.js';

let server: OpenAIServer;
let run: Run | undefined;
beforeEach(async () => {
  server = await startOpenAIServer();
});
afterEach(async () => {
  run?.dispose();
  await server.close();
});

const WORKFLOW = 'First.\n\n<GenText as="first" model="openai:gpt-4o-mini" />\n\nSecond.\n\n<GenText as="second" model="openai:gpt-4o-mini" />\n';

describe('a run against an OpenAI-compatible server', () => {
  it('through `openai:` with OPENAI_BASE_URL: streams, sends the conversation, counts usage', async () => {
    server.reply({ kind: 'text', text: 'One two three.', chunks: 3, usage: { prompt_tokens: 5, completion_tokens: 4 } });
    server.reply({ kind: 'text', text: 'Four.', usage: { prompt_tokens: 9, completion_tokens: 2 } });
    ({ run } = await startRun('inline.mdx', { text: WORKFLOW, env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'sk-test' } }));
    const deltas: string[] = [];
    run.subscribe((event) => event.type === 'text-delta' && deltas.push(event.delta));
    run.continue();
    await run.idle();
    expect(run.state.status).toBe('done');
    expect(run.state.steps['0.0']!.output).toBe('One two three.');
    expect(deltas.join('')).toBe('One two three.Four.');
    expect(server.requests[1]!.body.messages).toEqual([
      { role: 'user', content: 'First.' },
      { role: 'assistant', content: 'One two three.' },
      { role: 'user', content: 'Second.' },
    ]);
    expect(server.requests[1]!.headers.authorization).toBe('Bearer sk-test');
    expect(run.state.usage).toEqual({ inputTokens: 14, outputTokens: 6 });
  });

  it('through an openai-compatible provider from the config', async () => {
    server.reply({ kind: 'text', text: 'Local answer.' });
    const text = 'Hi.\n\n<GenText as="hi" model="local:llama3" />\n';
    ({ run } = await startRun('inline.mdx', { text, config: { providers: { local: { type: 'openai-compatible', baseURL: server.url } } } }));
    run.continue();
    await run.idle();
    expect(run.state.steps['0.0']!.output).toBe('Local answer.');
    expect(server.requests[0]!.body.model).toBe('llama3');
  });

  for (const [name, reply, message] of [
    ['a 401', { kind: 'error', status: 401, message: 'Incorrect API key provided' }, /401/],
    ['a 429', { kind: 'error', status: 429, message: 'Rate limit reached' }, /429/],
    ['a 500', { kind: 'error', status: 500, message: 'The server had an error' }, /500/],
    ['a stream cut off mid-way', { kind: 'cut', text: 'This will break off', chunks: 4, sent: 2 }, /connection dropped mid-answer/],
  ] as const) {
    it(`${name} fails only that step, keeps the earlier one, and rerun retries`, async () => {
      server.reply({ kind: 'text', text: 'Kept.' });
      server.reply(reply);
      ({ run } = await startRun('inline.mdx', { text: WORKFLOW, env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'sk-test' } }));
      run.continue();
      await run.idle();
      expect(run.state.status).toBe('failed');
      expect(run.state.steps['0.0']!.output).toBe('Kept.');
      expect(run.state.steps['0.1']!.status).toBe('failed');
      expect(run.state.steps['0.1']!.error!.message).toMatch(message);
      server.reply({ kind: 'text', text: 'Retried.' });
      run.rerun('0.1');
      await run.idle();
      expect(run.state.status).toBe('done');
      expect(run.state.steps['0.0']!.output).toBe('Kept.');
      expect(run.state.steps['0.1']!.output).toBe('Retried.');
    });
  }
});
