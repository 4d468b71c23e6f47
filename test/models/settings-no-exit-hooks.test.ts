import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// How the process ends is the CLI's alone: a settings store (or a dependency of one, as conf's
// when-exit was) must not hook a signal. Counted before the modules load, since such hooks
// are often installed on import.
const EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit'] as const;
const count = () => EVENTS.map((event) => process.listenerCount(event));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stepwise-hooks-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the settings stores', () => {
  it('add no process signal or exit listeners, loading, opening or writing', async () => {
    const before = count();
    const { openKeyStore } = await import('../../src/models/keys.js');
    const { loadRememberedInputs, saveRememberedInputs } = await import('../../components/remembered-inputs.js');
    const env = { STEPWISE_CONFIG_DIR: dir };
    const keys = openKeyStore(env);
    keys.set('openai.apiKey', 'sk-1');
    keys.delete('openai.apiKey');
    saveRememberedInputs('/w/a.mdx', { topic: 'rain' }, env);
    expect(loadRememberedInputs('/w/a.mdx', env)).toEqual({ topic: 'rain' });
    expect(count()).toEqual(before);
  });
});
