// A person at a terminal whose shell has CI set (a dev container, a CI job's debug shell):
// Ink would draw nothing until exit, leaving a blank screen. The TUI draws as in any
// terminal; only the headless path (no terminal) is for logs.
import { afterEach, beforeAll, describe, it } from 'vitest';
import type { Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';
import { poemOneStep } from './workspace.js';

let terminal: Terminal | undefined;
beforeAll(() => assertBuilt());
afterEach(() => terminal?.kill('SIGKILL'));

describe('CI set in a terminal', () => {
  const settings: Record<string, string>[] = [{ CI: 'true' }, { CONTINUOUS_INTEGRATION: '1' }];
  for (const env of settings) {
    it(`with ${Object.keys(env)[0]} set the form, the phases and each step are drawn while the session runs`, async () => {
      // the helper waits for each of these on the screen and for exit code 0
      await poemOneStep(env, (opened) => (terminal = opened));
    });
  }
});
