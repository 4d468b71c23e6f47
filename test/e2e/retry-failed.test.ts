// The situation of issue 12 (item 1), in a real terminal against a local OpenAI-compatible
// server: `c` stops at a failed step in phase 2. The selection is on that step and the
// failure line says `r` retries it; `r` asks the server for that step only, and phase 1's
// paid result is kept.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTerminal, type Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';
import { startOpenAIServer, type OpenAIServer } from '../support/openai-server.js';
import { keysReady, workspace } from './workspace.js';

const TWO_PHASES = `---
model: openai:gpt-4o-mini
---

Write a line about rain.

<GenText as="line" />

---

Summarise: {line}

<GenText as="summary" />
`;

let terminal: Terminal | undefined;
let server: OpenAIServer | undefined;
beforeAll(() => assertBuilt());
afterEach(async () => {
  terminal?.kill('SIGKILL');
  await server?.close();
});

describe('retrying a failed step', () => {
  it('after c fails in phase 2, the failed step is selected and r retries it, not phase 1', async () => {
    server = await startOpenAIServer([
      { kind: 'text', text: 'Rain taps the roof.' },
      { kind: 'error', status: 500, message: 'the server fell over' },
      { kind: 'text', text: 'A roof, tapped.' },
    ]);
    const file = workspace().write('two-phases.mdx', TWO_PHASES);
    terminal = await startTerminal([file], { env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'sk-test' }, });
    await terminal.waitFor('Phase 2');
    await keysReady(terminal);
    terminal.write('c');
    await terminal.waitFor((screen) => screen.includes('│ failed │') && /^›\s+✗ summary GenText/m.test(screen));
    expect(terminal.screen()).toContain('\nfailed: `summary`: the provider failed (500 the server fell over): press r to retry\n');
    expect(server.requests).toHaveLength(2);

    terminal.write('r');
    await terminal.waitFor('│ done │');
    expect(server.requests).toHaveLength(3);
    expect(server.requests[2]!.body.messages).toEqual([{ role: 'user', content: 'Summarise: Rain taps the roof.' }]);
    const screen = terminal.screen();
    expect(screen).toContain('A roof, tapped.');
    expect(screen).not.toContain('(stale)');
    expect(screen).not.toContain('failed:');
  });
});
