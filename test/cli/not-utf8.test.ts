// A workflow saved in another encoding than UTF-8 (Windows-1252 from an old editor): its
// accented letters cannot be read, and were sent to the model as `�` without a word.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../support/run-cli.js';

beforeAll(assertBuilt);

describe('a workflow that is not UTF-8', () => {
  it('check warns at the first byte it cannot read, saying to save the file as UTF-8', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'stepwise-latin1-'));
    // "Résumé" in Windows-1252: é is the single byte 0xE9
    writeFileSync(join(folder, 'flow.mdx'), Buffer.from('Write a short\nR\xe9sum\xe9 of it.\n\n<GenText as="a" model="echo" />\n', 'latin1'));
    const result = await runCli(['check', 'flow.mdx', '--json'], { cwd: folder });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).diagnostics).toEqual([
      {
        severity: 'warning',
        rule: 'not-utf8',
        line: 2,
        column: 2,
        message: 'this file is not UTF-8: a byte here (and any like it) cannot be read and reaches the model as `�`; save the file as UTF-8 in your editor',
      },
    ]);
  });
});

describe('warnings in a run', () => {
  it('a headless run prints the warnings on stderr first, as check does, and runs; stdout keeps the content alone', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'stepwise-latin1-'));
    writeFileSync(join(folder, 'flow.mdx'), Buffer.from('Write a short\nR\xe9sum\xe9 of it.\n\n<GenText as="a" model="echo" />\n', 'latin1'));
    const result = await runCli(['run', 'flow.mdx', '--headless', '--fresh'], { cwd: folder, env: { NO_COLOR: '1', STEPWISE_ECHO_DELAY_MS: '0' } });
    expect(result.code).toBe(0);
    expect(result.stderr.startsWith([
      'flow.mdx:2:2  warning  this file is not UTF-8: a byte here (and any like it) cannot be read and reaches the model as `�`; save the file as UTF-8 in your editor  [not-utf8]',
      '  2 | R�sum� of it.',
      '    |  ^',
      '',
    ].join('\n'))).toBe(true);
    expect(result.stdout).not.toContain('warning');
    expect(result.stdout).toContain('▸ a (GenText, echo)\nWrite a short\nR�sum� of it.\n');
  });
});
