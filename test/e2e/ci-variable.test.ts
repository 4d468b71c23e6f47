// A person at a terminal whose shell has CI set (a dev container, a CI job's debug shell):
// Ink would draw nothing until exit, leaving a blank screen. The TUI draws as in any
// terminal; only the headless path (no terminal) is for logs.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTerminal, type Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';
import { acceptInputs, workspace } from './workspace.js';

let terminal: Terminal | undefined;
beforeAll(() => assertBuilt());
afterEach(() => terminal?.kill('SIGKILL'));

describe('CI set in a terminal', () => {
  const settings: Record<string, string>[] = [{ CI: 'true' }, { CONTINUOUS_INTEGRATION: '1' }];
  for (const env of settings) {
    it(`with ${Object.keys(env)[0]} set the form, the phases and each step are drawn while the session runs`, async () => {
      const file = workspace().copy('examples/poem.mdx');
      terminal = await startTerminal([file, '--model', 'echo'], { env });
      await acceptInputs(terminal);
      await terminal.waitFor('Phase 2');
      terminal.write('n');
      await terminal.waitFor((screen) => screen.includes('✓ poem GenText') && screen.includes('│ paused │'));
      terminal.write('q');
      expect(await terminal.exit).toEqual({ exitCode: 0 });
    });
  }
});
