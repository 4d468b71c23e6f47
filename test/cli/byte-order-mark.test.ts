// A file saved with a UTF-8 byte order mark (Notepad and some Windows editors add one) reads
// like the same file without it: the mark is not text, so it never reaches a prompt and does
// not move the places of problems or expressions.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../support/run-cli.js';

beforeAll(assertBuilt);

const BOM = '\uFEFF';
const ENV = { STEPWISE_ECHO_DELAY_MS: '0', OPENAI_API_KEY: undefined };

function workflowFile(text: string): { folder: string; file: string } {
  const folder = mkdtempSync(join(tmpdir(), 'stepwise-bom-'));
  writeFileSync(join(folder, 'flow.mdx'), text);
  return { folder, file: join(folder, 'flow.mdx') };
}

async function promptsOf(text: string): Promise<string[]> {
  const { folder, file } = workflowFile(text);
  const result = await runCli(['run', file, '--json', '--model', 'echo', '--out', join(folder, 'runs')], { env: ENV });
  expect(result.stderr).toBe('');
  const document = JSON.parse(result.stdout);
  return document.phases.flatMap((phase: { steps: { prompt: string }[] }) => phase.steps.map((step) => step.prompt));
}

describe('a workflow saved with a byte order mark', () => {
  it('with frontmatter: expressions are replaced in place, the title is read', async () => {
    const text = `${BOM}---\ntitle: Marked\n---\n\nHello {1 + 1} and {"x"} end.\n\n<GenText as="a" />\n`;
    expect(await promptsOf(text)).toEqual(['Hello 2 and x end.']);
    const { file } = workflowFile(text);
    expect(JSON.parse((await runCli(['check', file, '--json'])).stdout).title).toBe('Marked');
  });

  it('without frontmatter: the mark is not sent to the model', async () => {
    expect(await promptsOf(`${BOM}Hello {"there"}.\n\n<GenText as="a" />\n`)).toEqual(['Hello there.']);
  });

  it('a problem on the first line is at the column an editor shows', async () => {
    const { file } = workflowFile(`${BOM}Hello {nope}\n\n<GenText as="a" model="echo" />\n`);
    const result = await runCli(['check', file, '--json']);
    expect(JSON.parse(result.stdout).diagnostics).toEqual([expect.objectContaining({ line: 1, column: 8, rule: 'unknown-name' })]);
  });
});
