// `compile` and `runWorkflow` from 'stepwise' give exactly the documents `check --json` and
// `run --headless --json` print for the same file, and print nothing themselves.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from '../support/run-cli.js';
import { project, runScript } from './support.js';

beforeAll(assertBuilt);

const CONFIG = `import { defineAction, defineConfig } from 'stepwise';
import { z } from 'zod';
export default defineConfig({ actions: [defineAction({ name: 'Shout', schema: z.object({ times: z.number() }), execute: ({ content, props }) => content.toUpperCase().repeat(props.times) })] });
`;

const FILES = {
  'stepwise.config.mjs': CONFIG,
  'shout.mdx': 'Say {word}.\n\n<Shout as="loud" times={2} />\n\n---\n\nAgain: {loud}\n\n<GenText as="again" model="echo" />\n',
  'needs.mdx': '---\ninput:\n  topic: {}\n---\n\nAbout {topic}.\n\n<GenText as="x" model="echo" />\n',
  'broken.mdx': '---\ninput:\n  topic: {}\n---\n\nAbout {topic} and {nobody}.\n\n<GenTxt as="x" />\n',
  // the unknown provider is in the file: a --model the CLI does not know is refused before the run
  'fails.mdx': 'Write a poem.\n\n<GenText as="poem" model="nope:model" />\n',
};

let dir = '';
beforeAll(() => {
  dir = project({ ...FILES, 'shout.mdx': FILES['shout.mdx'].replace('{word}', 'hi') }, ['reply.mdx', 'translate.mdx']);
});

describe("compile(text, file) from 'stepwise'", () => {
  it.each(['reply.mdx', 'translate.mdx', 'shout.mdx', 'broken.mdx'])('equals `stepwise check --json %s`', async (file) => {
    const cli = await runCli(['check', '--json', file], { cwd: dir });
    const script = `import { compile } from 'stepwise';
import { readFileSync } from 'node:fs';
process.stdout.write(JSON.stringify(await compile(readFileSync(${JSON.stringify(file)}, 'utf8'), ${JSON.stringify(file)})) + '\\n');
`;
    const library = await runScript(dir, script);
    expect(library.stderr).toBe('');
    expect(library.code).toBe(0);
    expect(JSON.parse(library.stdout)).toEqual(JSON.parse(cli.stdout));
    expect(library.stdout).toBe(cli.stdout);
  });

  it('without a file it compiles as workflow.mdx, with the current folder\'s config', async () => {
    const script = `import { compile } from 'stepwise';
const doc = await compile('Hi {name}\\n\\n<Shout as="x" times={1} />\\n');
console.log(doc.file, doc.title, doc.ok, doc.diagnostics.map((d) => d.line + ':' + d.column + ' ' + d.message).join('; '));
`;
    const result = await runScript(dir, script);
    expect(result).toEqual({
      code: 0,
      stderr: '',
      stdout: 'workflow.mdx workflow false 1:5 unknown name `name`: define it with an action\'s as="name" above, or as a frontmatter `input` or `data` key\n',
    });
  });

  it("with `cwd`, the fragments come from that folder's prompts/, as `check` there reads them", async () => {
    const flows = project({ 'flow.mdx': "Hi.\n\n{include('tone')}\n\n<GenText as=\"x\" model=\"echo\" />\n" });
    mkdirSync(join(flows, 'prompts'));
    writeFileSync(join(flows, 'prompts', 'tone.mdx'), 'Be {mood}.\n');
    const script = `import { compile } from 'stepwise';
const doc = await compile(${JSON.stringify("Hi.\n\n{include('tone')}\n\n<GenText as=\"x\" model=\"echo\" />\n")}, 'flow.mdx', { cwd: ${JSON.stringify(flows)} });
console.log(doc.diagnostics.map((d) => d.file + ' ' + d.message).join('; '));
`;
    // run from another folder: a program's own folder is rarely the workflow's
    const result = await runScript(dir, script);
    expect(result).toEqual({ code: 0, stderr: '', stdout: 'prompts/tone.mdx unknown name `mood`: define it with an action\'s as="mood" above, or as a frontmatter `input` or `data` key\n' });
  });

  it('a config that does not load rejects with a StepwiseError that names the file', async () => {
    const broken = project({ 'stepwise.config.mjs': 'export default 42;\n' });
    const script = `import { compile, StepwiseError } from 'stepwise';
try { await compile('Hi', 'flow.mdx'); } catch (error) { console.log(error instanceof StepwiseError, error.kind, error.message); }
`;
    expect(await runScript(broken, script)).toEqual({
      code: 0,
      stderr: '',
      stdout: `true config ${join(broken, 'stepwise.config.mjs')}: must default-export a config object: export default defineConfig({ actions: [...], providers: {...}, defaultModel: 'openai:gpt-4o' })\n`,
    });
  });
});

/** The document without where it was saved: two runs never share a session folder. */
function unsaved(document: Record<string, unknown>): Record<string, unknown> {
  const { transcript: _t, session: _s, ...rest } = document;
  return rest;
}

describe("runWorkflow(file, options) from 'stepwise'", () => {
  const cases: Array<{ name: string; file: string; cli: string[]; options: Record<string, unknown> }> = [
    {
      name: 'a Loop over array inputs, saved under out',
      file: 'translate.mdx',
      cli: ['--model', 'echo', '--input', 'topic=cats', '--input', 'langs=German', '--input', 'langs=Spanish', '--out', 'runs'],
      options: { model: 'echo', inputs: { topic: 'cats', langs: ['German', 'Spanish'] }, out: 'runs' },
    },
    { name: "a custom action from the folder's config", file: 'shout.mdx', cli: ['--out', 'runs'], options: { out: 'runs' } },
    { name: 'a run that fails on a step (ok: false, the error with its line)', file: 'fails.mdx', cli: ['--out', 'runs'], options: { out: 'runs' } },
  ];

  it.each(cases)('equals `run --headless --json`: $name', async ({ file, cli, options }) => {
    const command = await runCli(['run', file, '--headless', '--json', ...cli], { cwd: dir });
    const script = `import { runWorkflow } from 'stepwise';
process.stdout.write(JSON.stringify(await runWorkflow(${JSON.stringify(file)}, ${JSON.stringify(options)})) + '\\n');
`;
    const library = await runScript(dir, script);
    expect(library.stderr).toBe('');
    expect(library.code).toBe(0);
    const fromLibrary = JSON.parse(library.stdout) as Record<string, unknown>;
    const fromCli = JSON.parse(command.stdout) as Record<string, unknown>;
    expect(unsaved(fromLibrary)).toEqual(unsaved(fromCli));
    expect(Object.keys(fromLibrary)).toEqual(Object.keys(fromCli));
    // saved the same way, in a session folder of its own
    const session = fromLibrary.session as string;
    expect(session.startsWith(join(dir, 'runs', file.replace('.mdx', '')) + '/')).toBe(true);
    expect(session).not.toBe(fromCli.session);
    expect(fromLibrary.transcript).toBe(join(session, 'output.md'));
    expect(existsSync(join(session, 'run.json'))).toBe(true);
  });

  it('the failed run says so in its document, as the command line does', async () => {
    const library = await runScript(dir, `import { runWorkflow } from 'stepwise';
const doc = await runWorkflow('translate.mdx', { model: 'nope:model', out: 'runs' });
console.log(doc.ok, JSON.stringify(doc.error));
`);
    expect(library.stdout).toBe(
      'false {"message":"unknown model provider `nope` in `nope:model`; built in: openai, echo; add it under `providers` in stepwise.config.ts","step":"poem","line":19}\n',
    );
  });

  it('aborting its signal cancels the run where it is; the document says where it was saved', async () => {
    const library = await runScript(dir, `import { runWorkflow } from 'stepwise';
const controller = new AbortController();
const onEvent = (event) => { if (event.type === 'step-end' && event.key === '0.0') controller.abort(); };
const doc = await runWorkflow('translate.mdx', { model: 'echo', out: 'aborted', signal: controller.signal, onEvent });
console.log(JSON.stringify([doc.ok, doc.error, Object.keys(doc.outputs), doc.session.startsWith(${JSON.stringify(join(dir, 'aborted', 'translate'))})]));
`);
    expect(library.stderr).toBe('');
    const [ok, error, outputs, savedUnderOut] = JSON.parse(library.stdout) as [boolean, { message: string; step: string | null; line: number | null }, string[], boolean];
    expect(ok).toBe(false);
    expect(error.message).toMatch(/^aborted: the run was saved in \/.*\/aborted\/translate\/[^/]+$/);
    expect(outputs).toEqual(['poem']);
    expect(savedUnderOut).toBe(true);
  });

  it('problems the caller can fix reject with a StepwiseError that says how; nothing is printed', async () => {
    const script = `import { runWorkflow, StepwiseError } from 'stepwise';
for (const [file, options] of [['broken.mdx', {}], ['translate.mdx', { inputs: { topic: 'x', mood: 'calm' } }], ['needs.mdx', {}], ['missing.mdx', {}]]) {
  try {
    await runWorkflow(file, { model: 'echo', ...options });
    console.log('ran', file);
  } catch (error) {
    console.log(error instanceof StepwiseError, error.kind, error.diagnostics.length, JSON.stringify(error.message));
  }
}
`;
    const result = await runScript(dir, script);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toEqual([
      'true compile 2 ' +
        JSON.stringify(
          'broken.mdx does not compile (2 errors); fix the workflow and run again:\n' +
            'broken.mdx:6:20  error  unknown name `nobody`: define it with an action\'s as="nobody" above, or as a frontmatter `input` or `data` key  [unknown-name]\n' +
            '  6 | About {topic} and {nobody}.\n' +
            '    |                    ^\n\n' +
            'broken.mdx:8:1  error  unknown action `<GenTxt>`; did you mean `<GenText>`?  [unknown-action]\n' +
            '  8 | <GenTxt as="x" />\n' +
            '    | ^',
        ),
      'true inputs 0 "unknown input `mood`: this workflow\'s inputs are topic, langs"',
      'true inputs 0 "missing input `topic` (Topic): give `inputs: { topic: ... }`"',
      'true file 0 "cannot read missing.mdx: no such file"',
      '',
    ]);
  });
});
