// Node's mkdirSync(…, { recursive: true }) never returns for a missing folder under /proc
// (it retries ENOENT forever): a settings folder or an init target there hung stepwise at
// full CPU. Each must fail at once, saying what could not be made.
import { platform } from 'node:os';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../support/run-cli.js';

beforeAll(assertBuilt);

describe.skipIf(platform() !== 'linux')('a folder stepwise cannot make (under /proc)', () => {
  it('STEPWISE_CONFIG_DIR: config set fails with the reason', async () => {
    const result = await runCli(['config', 'set', 'openai.baseURL', 'http://127.0.0.1:8080/v1'], { env: { STEPWISE_CONFIG_DIR: '/proc/stepwise-settings' } });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: 'cannot save your settings in /proc/stepwise-settings: ENOENT: no such file or directory, mkdir \'/proc/stepwise-settings\'; set STEPWISE_CONFIG_DIR to a folder you can write\n',
    });
  }, 10_000);

  it('XDG_CONFIG_HOME, where the settings of an older version are moved to', async () => {
    const home = mkdtempSync(join(tmpdir(), 'stepwise-home-'));
    const result = await runCli(['config', 'list'], { env: { STEPWISE_CONFIG_DIR: undefined, HOME: home, XDG_CONFIG_HOME: '/proc/stepwise-xdg' } });
    expect(result.code).toBe(0);
  }, 10_000);

  it('init into a folder there', async () => {
    expect(await runCli(['init', '/proc/stepwise-flows/'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cannot make the folder /proc/stepwise-flows/: ENOENT: no such file or directory, mkdir \'/proc/stepwise-flows\'\n',
    });
  }, 10_000);
});
