// A step that fails for the lack of an OpenAI key: `k` asks for one, stores it where the
// provider looks, and re-runs the step — here against a real local OpenAI-compatible server.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mountApp } from '../support/app.js';
import { KEYS, ticks } from '../support/ink.js';
import { startOpenAIServer, type OpenAIServer } from '../support/openai-server.js';
import { createRun } from '../../src/runtime/create-run.js';
import { openKeyStore } from '../../src/models/keys.js';

let app: ReturnType<typeof mountApp> | undefined;
let server: OpenAIServer | undefined;
afterEach(async () => {
  app?.unmount();
  await server?.close();
});

describe('entering a missing API key', () => {
  it('offers k after the failure, stores the key for the user and re-runs the step with it', async () => {
    server = await startOpenAIServer([{ kind: 'text', text: 'Hello with a key.' }]);
    const env = { STEPWISE_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'stepwise-key-')), OPENAI_BASE_URL: server.url };
    app = mountApp('runtime/conversation.mdx', {
      createRun: (workflow, inputs) => createRun({ workflow, inputs, modelOverride: 'openai:gpt-4o-mini', env }),
      keyStore: () => openKeyStore(env),
    });
    await app.wait((f) => f.includes('│ ready │'));
    const failed = await app.press('n', (f) => f.includes('│ failed │'));
    expect(failed).toContain('failed: no OpenAI API key — press k to enter one (or set OPENAI_API_KEY)');
    expect(failed).toContain('k enter key');
    await app.press('k', (f) => f.includes('OpenAI API key (stored for your user only):'));
    await ticks();
    await app.press('sk-typed', (f) => f.includes('••••••••'));
    expect(app.lastFrame()).not.toContain('sk-typed');
    await ticks();
    await app.press(KEYS.enter, (f) => f.includes('Hello with a key.'));
    expect(openKeyStore(env).get('openai.apiKey')).toBe('sk-typed');
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-typed');
    expect(app.run!.state.steps['0.0']!.output).toBe('Hello with a key.');
  });

  it('offers k for the kind of failure, not for a message that reads like it', async () => {
    // a model call (here a hand-driven one) that fails with the words of a missing key, but not for one
    const message = 'no OpenAI API key was accepted by the proxy: check its logs';
    app = mountApp('runtime/conversation.mdx', { generate: async () => { throw new Error(message); } });
    await app.wait((f) => f.includes('│ ready │'));
    const failed = await app.press('n', (f) => f.includes('│ failed │'));
    expect(failed).toContain(`failed: \`haiku\`: ${message} — press r to retry it`);
    expect(failed).not.toContain('press k to enter one');
    expect(failed).not.toContain('k enter key');
  });
});
