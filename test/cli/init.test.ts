import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STARTER_WORKFLOW } from '../../src/cli/init.js';
import { assertBuilt, runCli } from '../support/run-cli.js';

beforeAll(assertBuilt);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stepwise-init-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('stepwise init', () => {
  it('writes workflow.mdx by default, and it checks clean', async () => {
    expect(await runCli(['init'], { cwd: dir })).toEqual({
      code: 0,
      stdout: 'wrote workflow.mdx\nnext: `stepwise workflow.mdx` to open it, or `stepwise check workflow.mdx` to compile it\n',
      stderr: '',
    });
    expect(readFileSync(join(dir, 'workflow.mdx'), 'utf8')).toBe(STARTER_WORKFLOW);
    expect(await runCli(['check', 'workflow.mdx'], { cwd: dir })).toEqual({
      code: 0,
      stdout: 'ok: 1 file, no problems\n',
      stderr: '',
    });
  });

  it('describes the starter: a description, an input, two phases, offline model', async () => {
    await runCli(['init', 'story.mdx'], { cwd: dir });
    const { stdout } = await runCli(['check', '--json', 'story.mdx'], { cwd: dir });
    const doc = JSON.parse(stdout) as Record<string, unknown>;
    expect(doc).toMatchObject({
      file: 'story.mdx',
      ok: true,
      title: 'A short story',
      inputs: [{ name: 'topic', type: 'text', default: 'a lighthouse keeper who collects lost socks' }],
      phases: [
        { actions: [{ action: 'GenText', as: 'story' }] },
        { actions: [{ action: 'GenText', as: 'headline' }] },
      ],
      diagnostics: [],
    });
    expect(doc.description).toMatch(/^This first section has no action/);
    expect(STARTER_WORKFLOW).toMatch(/^model: echo$/m);
  });

  it('refuses to overwrite an existing file and exits 2', async () => {
    writeFileSync(join(dir, 'workflow.mdx'), 'mine\n');
    expect(await runCli(['init'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'workflow.mdx already exists and was left unchanged; give another name: `stepwise init other.mdx`\n',
    });
    expect(readFileSync(join(dir, 'workflow.mdx'), 'utf8')).toBe('mine\n');
  });

  it('a folder, existing or written with a slash, gets workflow.mdx inside it', async () => {
    mkdirSync(join(dir, 'flows'));
    expect(await runCli(['init', 'flows'], { cwd: dir })).toEqual({
      code: 0,
      stdout: 'wrote flows/workflow.mdx\nnext: `stepwise flows/workflow.mdx` to open it, or `stepwise check flows/workflow.mdx` to compile it\n',
      stderr: '',
    });
    expect(readFileSync(join(dir, 'flows', 'workflow.mdx'), 'utf8')).toBe(STARTER_WORKFLOW);
    expect((await runCli(['init', 'drafts/'], { cwd: dir })).stdout).toMatch(/^wrote drafts\/workflow\.mdx\n/);
    expect(statSync(join(dir, 'drafts')).isDirectory()).toBe(true);
    expect(readFileSync(join(dir, 'drafts', 'workflow.mdx'), 'utf8')).toBe(STARTER_WORKFLOW);
  });

  it('a name without an extension gets .mdx; another extension is refused', async () => {
    expect((await runCli(['init', 'story'], { cwd: dir })).stdout).toMatch(/^wrote story\.mdx\n/);
    expect(readFileSync(join(dir, 'story.mdx'), 'utf8')).toBe(STARTER_WORKFLOW);
    expect(existsSync(join(dir, 'story'))).toBe(false);
    expect(await runCli(['init', 'notes.txt'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'a workflow is a .mdx or .md file: write `stepwise init notes.mdx`\n',
    });
    expect(existsSync(join(dir, 'notes.txt'))).toBe(false);
  });
});
