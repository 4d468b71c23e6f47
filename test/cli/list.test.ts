// `stepwise list [DIR]` through the real binary, on a folder that holds good and broken
// workflows next to files that are not workflows (a README, notes, fragments, hidden files).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../support/run-cli.js';

beforeAll(assertBuilt);

const FILES: Record<string, string> = {
  'story.mdx': `---
title: A short story
input:
  topic:
    message: What is it about?
  length:
    type: number
    default: 3
---

Writes a story about a topic.
It keeps it short.

---

Tell a story about {topic} in {length} sentences.

<GenText as="story" model="echo" />
`,
  'broken.mdx': `Say hello.

<GenTxt as="hello" model="echo" />

{nobody}
`,
  // a custom action from the folder's config: list compiles with it, as run does
  'shouty.md': `# Shout it

<Shout as="loud" />
`,
  'stepwise.config.mjs': `import { defineAction, defineConfig } from 'stepwise';
import { z } from 'zod';
export default defineConfig({ actions: [defineAction({ name: 'Shout', schema: z.object({}), execute: ({ content }) => content.toUpperCase() })] });
`,
  // Markdown that is not a workflow: an action tag only inside code
  'README.md': '# My workflows\n\nRun them with `stepwise story.mdx`:\n\n```mdx\n<GenText as="x" />\n```\n',
  'notes.txt': 'not a workflow',
  '.draft.mdx': 'Hidden.\n\n<GenText as="draft" model="echo" />\n',
  'prompts/tone.mdx': 'Be kind.\n',
};

let folder = '';

beforeAll(() => {
  const parent = mkdtempSync(join(tmpdir(), 'stepwise-list-'));
  folder = join(parent, 'flows');
  mkdirSync(join(folder, 'prompts'), { recursive: true });
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(folder, name), text);
});

const LISTING = (dir: string) =>
  [
    `✗ ${dir}broken.mdx  broken  (2 errors: \`stepwise check ${dir}broken.mdx\` shows them)`,
    '    Say hello.',
    `✓ ${dir}shouty.md   Shout it`,
    `✓ ${dir}story.mdx   A short story`,
    '    Writes a story about a topic.',
    '    inputs: topic (required), length',
    '',
    '3 workflows, 1 that does not compile',
    '',
  ].join('\n');

describe('stepwise list', () => {
  it('lists the current folder: each workflow\'s title, first description line, inputs and whether it compiles', async () => {
    expect(await runCli(['list'], { cwd: folder, env: { NO_COLOR: '1' } })).toEqual({ code: 0, stdout: LISTING(''), stderr: '' });
  });

  it('lists DIR with paths the user can paste into `stepwise check`', async () => {
    expect(await runCli(['list', 'flows'], { cwd: join(folder, '..'), env: { NO_COLOR: '1' } })).toEqual({ code: 0, stdout: LISTING('flows/'), stderr: '' });
  });

  it('--json: one array, the same facts', async () => {
    const result = await runCli(['list', 'flows', '--json'], { cwd: join(folder, '..') });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { file: 'flows/broken.mdx', ok: false, title: 'broken', description: 'Say hello.', inputs: [], errors: 2, warnings: 0 },
      { file: 'flows/shouty.md', ok: true, title: 'Shout it', description: null, inputs: [], errors: 0, warnings: 0 },
      {
        file: 'flows/story.mdx',
        ok: true,
        title: 'A short story',
        description: 'Writes a story about a topic.',
        inputs: [
          { name: 'topic', type: 'text' },
          { name: 'length', type: 'number', default: 3 },
        ],
        errors: 0,
        warnings: 0,
      },
    ]);
  });

  it("a description that starts with the title's heading (Agentflow's examples) shows the line after it", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepwise-list-heading-'));
    writeFileSync(join(dir, 'hello.mdx'), '---\ninput:\n  name: {}\n---\n\n# Hello World!\n\nThis is a Hello World workflow.\n\n---\n\nHi {name}.\n\n<GenText as="x" model="echo" />\n');
    // a heading that is not the title says something: it stays
    writeFileSync(join(dir, 'other.mdx'), '---\ntitle: Other\n---\n\n## Usage\n\nRun it.\n\n---\n\nGo.\n\n<GenText as="x" model="echo" />\n');
    const result = await runCli(['list', '--json'], { cwd: dir });
    expect(JSON.parse(result.stdout).map((w: { title: string; description: string }) => [w.title, w.description])).toEqual([
      ['Hello World!', 'This is a Hello World workflow.'],
      ['Other', '## Usage'],
    ]);
  });

  it('a .md workflow that spells its actions in kebab case (<gen-text>) is listed; lower-case prose tags are not actions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stepwise-list-kebab-'));
    writeFileSync(join(dir, 'kebab.md'), 'Say hi.\n\n<gen-text as="hi" model="echo" />\n');
    writeFileSync(join(dir, 'looped.md'), 'Count.\n\n<loop as="l" until={$index === 2}>\n  Go.\n\n  <gen-text as="x" model="echo" />\n</loop>\n');
    writeFileSync(join(dir, 'notes.md'), '# Notes\n\nWrap examples in <example> and loops in <loop>.\n');
    const result = await runCli(['list', '--json'], { cwd: dir });
    expect(JSON.parse(result.stdout).map((w: { file: string; ok: boolean }) => [w.file, w.ok])).toEqual([
      ['kebab.md', true],
      ['looped.md', true],
    ]);
  });

  it('an empty folder says how to start one', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'stepwise-list-empty-'));
    writeFileSync(join(empty, 'README.md'), '# nothing here\n');
    expect(await runCli(['list'], { cwd: empty })).toEqual({
      code: 0,
      stdout: 'no workflows in this folder (.mdx files, or .md files with frontmatter or actions): `stepwise init workflow.mdx` writes one\n',
      stderr: '',
    });
    expect(JSON.parse((await runCli(['list', '--json'], { cwd: empty })).stdout)).toEqual([]);
  });

  it('a missing folder, a file, or two folders are usage errors (exit 2) that say what to do', async () => {
    const cwd = join(folder, '..');
    expect(await runCli(['list', 'nowhere'], { cwd })).toEqual({ code: 2, stdout: '', stderr: 'no such folder: nowhere\n' });
    expect(await runCli(['list', 'flows/story.mdx'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'flows/story.mdx is a file: give a folder (`stepwise list flows`), or check this file with `stepwise check flows/story.mdx`\n',
    });
    expect(await runCli(['list', 'a', 'b'], { cwd })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'list takes one DIR, got 2: `a`, `b`\nrun `stepwise --help` to see the commands and options\n',
    });
  });

  it("a folder whose stepwise.config.* does not load is an error naming the file (exit 2)", async () => {
    const broken = mkdtempSync(join(tmpdir(), 'stepwise-list-config-'));
    writeFileSync(join(broken, 'stepwise.config.mjs'), 'export default 42;\n');
    writeFileSync(join(broken, 'a.mdx'), 'Hi\n');
    const result = await runCli(['list'], { cwd: broken });
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr: `${join(broken, 'stepwise.config.mjs')}: must default-export a config object: export default defineConfig({ actions: [...], providers: {...}, defaultModel: 'openai:gpt-4o' })\n`,
    });
  });

  it('`list --help` documents DIR, --json and the exit code', async () => {
    const result = await runCli(['list', '--help']);
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'stepwise list: the workflows in a folder and whether each compiles',
        '',
        'Usage: stepwise list [DIR] [--json]',
        '',
        'Options:',
        '  --json  print an array of { file, ok, title, description, inputs, errors, warnings } (description: its first line)',
        '  --help  show this help',
        '',
        'DIR defaults to the current folder; its subfolders are not searched. Workflows are its .mdx files',
        'and the .md files with frontmatter or an action tag (a README is not one). A workflow that does',
        'not compile is listed with its error count; the exit code is 0 all the same (`stepwise check` fails on it).',
        '',
        'Examples:',
        '  stepwise list',
        '  stepwise list examples',
        '  stepwise list --json | jq -r ".[] | select(.ok) | .file"',
        '',
      ].join('\n'),
    });
    expect((await runCli(['--help'])).stdout).toContain('  stepwise list [DIR] [--json]');
  });
});
