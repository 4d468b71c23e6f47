// Reading what a step would send before paying for it, in a real terminal against a local
// OpenAI-compatible server that must not be asked anything.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, startTerminal, type Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';
import { startOpenAIServer, type OpenAIServer } from '../support/openai-server.js';
import { keysReady, workspace } from './workspace.js';

const WORKFLOW = `---
model: openai:gpt-4o-mini
input:
  topic:
    default: rain
---

Write a line about {topic}.

<GenText as="line" options={{ temperature: 0.3 }} />

---

Summarise "{line}" in {topic.length} words.

<GenText as="summary" />
`;

let terminal: Terminal | undefined;
let server: OpenAIServer | undefined;
beforeAll(() => assertBuilt());
afterEach(async () => {
  terminal?.kill('SIGKILL');
  await server?.close();
});

describe('a step that has not run', () => {
  it('expanded, shows its prompt with {line} left for the result to come; m shows the request, not sent yet', async () => {
    server = await startOpenAIServer();
    const file = workspace().write('preview.mdx', WORKFLOW);
    terminal = await startTerminal([file, '--input', 'topic=snow'], { env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'sk-test' } });
    await terminal.waitFor(/○ line GenText\n\s+Write a line about snow\./);
    await keysReady(terminal);
    for (const row of [/^›\s+○ line/m, /^› ▸ ○ Phase 2/m]) {
      terminal.write(KEYS.down);
      await terminal.waitFor(row);
    }
    terminal.write(KEYS.right);
    await terminal.waitFor(/○ summary GenText\n\s+Summarise "\{line\}" in 4 words\./);
    terminal.write(KEYS.down);
    await terminal.waitFor(/^›\s+○ summary/m);
    terminal.write('m');
    await terminal.waitFor('(not sent yet)');
    expect(terminal.screen()).toContain('Would be sent to openai:gpt-4o-mini for `summary`: 1 message (not sent yet)\n[user]\nSummarise "{line}" in 4 words.');
    terminal.write(KEYS.escape);
    await terminal.waitFor((screen) => !screen.includes('(not sent yet)'));
    terminal.write(KEYS.up);
    await terminal.waitFor(/^› ▾ ○ Phase 2/m);
    terminal.write(KEYS.up);
    await terminal.waitFor(/^›\s+○ line/m);
    terminal.write('m');
    await terminal.waitFor('(not sent yet)');
    expect(terminal.screen()).toContain('Would be sent to openai:gpt-4o-mini for `line`: 1 message (not sent yet)\noptions: temperature 0.3\n\n[user]\nWrite a line about snow.');
    expect(server.requests).toEqual([]);
  });
});
