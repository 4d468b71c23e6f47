// `--out FILE` where a folder is meant: said before the run starts (exit 2), not found out
// after the first model call, when the session cannot be saved.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../support/run-cli.js';

beforeAll(assertBuilt);

describe('--out', () => {
  it('naming a file is a usage error before anything runs', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'stepwise-out-file-'));
    writeFileSync(join(folder, 'flow.mdx'), 'Say hi.\n\n<GenText as="a" model="echo" />\n');
    expect(await runCli(['run', 'flow.mdx', '--headless', '--out', 'flow.mdx'], { cwd: folder, env: { STEPWISE_ECHO_DELAY_MS: '0' } })).toEqual({
      code: 2,
      stdout: '',
      stderr: '`--out flow.mdx` is a file: give a folder to save the runs in (it is made when missing)\nrun `stepwise --help` to see the commands and options\n',
    });
  });
});
