// `--inputs FILE` that cannot be used: each message names the file and says what to do,
// instead of a Node error code (`ENOENT: no such file or directory, open '/abs/path'`).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../support/run-cli.js';

beforeAll(assertBuilt);

let folder = '';
beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'stepwise-inputs-file-'));
  writeFileSync(join(folder, 'flow.mdx'), '---\ninput:\n  topic: {}\n---\n\nAbout {topic}.\n\n<GenText as="a" model="echo" />\n');
  mkdirSync(join(folder, 'values'));
});

async function runWith(inputsFile: string) {
  return runCli(['run', 'flow.mdx', '--headless', '--inputs', inputsFile], { cwd: folder, env: { STEPWISE_ECHO_DELAY_MS: '0' } });
}

describe('--inputs FILE that cannot be used', () => {
  it('a file that does not exist', async () => {
    expect(await runWith('values.yaml')).toEqual({ code: 2, stdout: '', stderr: 'cannot use --inputs values.yaml: no such file\n' });
  });

  it('a folder', async () => {
    expect(await runWith('values')).toEqual({ code: 2, stdout: '', stderr: 'cannot use --inputs values: it is a folder; give a JSON or YAML file\n' });
  });
});
