// `check` finds what `run` would fail on (issue 12, "check and run agree"): the real
// binary on files with the problems a new user wrote.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../support/run-cli.js';

beforeAll(assertBuilt);

/** Writes `files` into a new folder; settings live in an empty folder of their own. */
function workspace(files: Record<string, string>): { dir: string; env: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-check-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const settings = join(dir, 'settings');
  mkdirSync(settings);
  return { dir, env: { STEPWISE_CONFIG_DIR: settings } };
}

async function check(files: Record<string, string>, settings?: object) {
  const { dir, env } = workspace(files);
  if (settings) writeFileSync(join(env.STEPWISE_CONFIG_DIR, 'config.json'), JSON.stringify(settings));
  return runCli(['check', 'w.mdx'], { cwd: dir, env });
}

const ACTION = '\n\n<GenText as="a" model="echo" />\n';

describe('check fails what the sandbox would refuse at run time', () => {
  it('{(async () => 1)()} and {<b>Foo</b>} are errors with a hint, at their place', async () => {
    const result = await check({ 'w.mdx': `A {(async () => 1)()} and {<b>Foo</b>}.${ACTION}` });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe(
      [
        'w.mdx:1:5  error  async functions cannot be used in an expression: it is evaluated at once and nothing waits for its Promise; remove `async` and compute the value directly  [async-code]',
        '  1 | A {(async () => 1)()} and {<b>Foo</b>}.',
        '    |     ^',
        '',
        'w.mdx:1:28  error  a JSX element inside `{…}` cannot run in an expression: write prompt text as a fragment, e.g. {<>Hello **{name}**</>}, or as a template literal, e.g. {`Hello ${name}`}  [jsx-expression]',
        '  1 | A {(async () => 1)()} and {<b>Foo</b>}.',
        '    |                            ^',
        '',
        '2 errors in 1 file',
        '',
      ].join('\n'),
    );
  });

  it('--json: each construct the sandbox refuses has its rule and place', async () => {
    const { dir, env } = workspace({
      'w.mdx': `A {await x} {import("fs")} {import.meta.url}\n\n{() => 1}\n\n{1n}\n\nB {[1].map(async (n) => n)}${ACTION}`,
    });
    const result = await runCli(['check', 'w.mdx', '--json'], { cwd: dir, env });
    expect(result.code).toBe(2);
    const rules = JSON.parse(result.stdout).diagnostics.map((d: { rule: string; line: number; column: number }) => [d.rule, d.line, d.column]);
    expect(rules).toEqual([
      ['async-code', 1, 4],
      ['unknown-name', 1, 10],
      ['module-import', 1, 14],
      ['module-import', 1, 29],
      ['function-value', 3, 2],
      ['bigint-value', 5, 2],
      ['async-code', 7, 12],
    ]);
  });

  it('checks the names in the description as in a later step', async () => {
    const result = await check({ 'w.mdx': `Intro {foo}\n\n---\n\nWrite.${ACTION}` });
    expect(result.code).toBe(2);
    expect(result.stdout.split('\n')[0]).toBe(
      'w.mdx:1:8  error  unknown name `foo`: define it with an action\'s as="foo" above, or as a frontmatter `input` or `data` key  [unknown-name]',
    );
  });

  it('a one-letter unknown name gets no "did you mean `$`?"', async () => {
    const result = await check({ 'w.mdx': `Write {x}.${ACTION}` });
    expect(result.stdout.split('\n')[0]).toBe(
      'w.mdx:1:8  error  unknown name `x`: define it with an action\'s as="x" above, or as a frontmatter `input` or `data` key  [unknown-name]',
    );
  });
});

describe('check on a stray `<`', () => {
  it('`Hello a <b tag here.` says to write \\< (or finish the tag), at the `<`', async () => {
    const result = await check({ 'w.mdx': `Hello a <b tag here.${ACTION}` });
    expect(result).toEqual({
      code: 2,
      stdout: [
        'w.mdx:1:9  error  `<b` starts a tag in MDX, and `.` cannot be part of a tag: write `\\<` or `&lt;` for a literal `<`, or finish the tag, e.g. `<b>…</b>` or `<b />`  [mdx-syntax]',
        '  1 | Hello a <b tag here.',
        '    |         ^',
        '',
        '1 error in 1 file',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('reports a frontmatter problem above it first', async () => {
    const result = await check({ 'w.mdx': `---\ntitle: [x\n---\n\nHello a <b tag here.${ACTION}` });
    const headlines = result.stdout.split('\n').filter((line) => line.startsWith('w.mdx:'));
    expect(headlines.map((line) => line.split('  ')[0])).toEqual(['w.mdx:2:10', 'w.mdx:5:9']);
    expect(headlines[0]).toContain('[yaml-syntax]');
  });
});

describe('check on model providers', () => {
  it('warns about a provider that is neither built in nor configured, and still exits 0', async () => {
    const text = `A.\n\n<GenText as="a" model="nosuch:thing" />\n\n<GenText as="b" model="opena:gpt-4o" />\n\n<GenText as="c" model="gpt-4o" />\n`;
    const result = await check({ 'w.mdx': text });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').filter((line) => line.startsWith('w.mdx:'))).toEqual([
      'w.mdx:3:17  warning  unknown model provider `nosuch` in `nosuch:thing`; known providers: openai, echo; add `nosuch` under `providers` in stepwise.config.ts  [unknown-provider]',
      'w.mdx:5:17  warning  unknown model provider `opena` in `opena:gpt-4o`; did you mean `openai:gpt-4o`?  [unknown-provider]',
      'w.mdx:7:17  warning  model id `gpt-4o` names no provider and model: write it as `provider:model`, e.g. `openai:gpt-4o`, or `echo` for an offline dry run  [model-id]',
    ]);
    expect(result.stdout.split('\n').at(-2)).toBe('3 warnings in 1 file');
  });

  it('warns about the frontmatter model at its value', async () => {
    const result = await check({ 'w.mdx': `---\nmodel: nosuch:thing\n---\n\nA.\n\n<GenText as="a" />\n` });
    expect(result.stdout.split('\n')[0]).toBe(
      'w.mdx:2:8  warning  unknown model provider `nosuch` in `nosuch:thing`; known providers: openai, echo; add `nosuch` under `providers` in stepwise.config.ts  [unknown-provider]',
    );
  });

  it('knows the providers of stepwise.config and of the stored settings', async () => {
    const config = "export default { providers: { local: { type: 'openai-compatible', baseURL: 'http://127.0.0.1:1/v1' } } };\n";
    const text = `A.\n\n<GenText as="a" model="local:m" />\n\n<GenText as="b" model="stored:m" />\n`;
    expect(await check({ 'w.mdx': text, 'stepwise.config.mjs': config }, { providers: { stored: { baseURL: 'http://127.0.0.1:1/v1' } } })).toEqual({
      code: 0,
      stdout: 'ok: 1 file, no problems\n',
      stderr: '',
    });
  });
});
