// Prompt fragments (docs/language.md §9): include('tone.mdx') is prompts/tone.mdx from the workflow's
// folder, compiled like prompt text and checked where it is included; its problems are
// reported in its own file. Real files in a temporary folder, as an author has them.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compile } from '../../src/compiler/index.js';
import type { CompileResult } from '../../src/compiler/types.js';
import { renderContent } from '../../src/runtime/render.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';

let sandbox: Sandbox;
let folder: string;
beforeAll(async () => {
  sandbox = await createSandbox();
});
afterAll(() => sandbox.dispose());
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'stepwise-fragments-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, name)), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
}

function compileFlow(text: string): CompileResult {
  write({ 'flow.mdx': text });
  return compile(text, join(folder, 'flow.mdx'));
}

/** The first step's prompt, with the frontmatter data as its scope. */
function firstPrompt(result: CompileResult, scope: Record<string, unknown> = {}): string {
  expect(result.diagnostics).toEqual([]);
  return renderContent(result.workflow!.root.phases[0]!.steps[0]!.content, sandbox, scope).text;
}

const ACTION = '\n\n<GenText as="out" model="echo" />\n';

describe('include() puts a fragment into the prompt', () => {
  it('inserts a fragment as a block, its notes removed, the extension optional', () => {
    write({ 'prompts/tone.mdx': '> why: the house style\n\nBe brief.\n\nUse **plain** words.\n' });
    const result = compileFlow(`Write about rain.\n\n{include('tone')}${ACTION}`);
    expect(firstPrompt(result)).toBe('Write about rain.\n\nBe brief.\n\nUse **plain** words.');
    expect(result.fragments).toEqual([join(folder, 'prompts', 'tone.mdx')]);
  });

  it('inserts a fragment inline, and in an attribute', () => {
    write({ 'prompts/who.mdx': 'a **careful** editor', 'prompts/persona.md': 'You are {role}.\n' });
    const result = compileFlow(`---\ndata: { role: terse }\n---\n\nAs {include('who.mdx')}, fix this.\n\n<GenText as="out" model="echo" role={include('persona.md')} />\n`);
    expect(firstPrompt(result)).toBe('As a **careful** editor, fix this.');
    const role = result.workflow!.root.phases[0]!.steps[0]!.action!.attributes.role!;
    expect(role.kind === 'expr' && sandbox.evaluate(role.code!, { role: 'terse' })).toBe('You are terse.');
  });

  it('evaluates the fragment\'s expressions in the including scope, with nested includes and JSX fragments', () => {
    write({
      'prompts/intro.mdx': "Topic: {topic}.\n\n{include('parts/list')}\n",
      'prompts/parts/list.mdx': '{items.map((i) => <>- {i}</>)}\n',
    });
    const result = compileFlow(`---\ndata: { topic: rain, items: [a, b] }\n---\n\n{include('intro')}${ACTION}`);
    expect(firstPrompt(result, { topic: 'rain', items: ['a', 'b'] })).toBe('Topic: rain.\n\n- a\n- b');
    expect(result.fragments!.sort()).toEqual([join(folder, 'prompts', 'intro.mdx'), join(folder, 'prompts', 'parts', 'list.mdx')]);
  });

  it('includes a fragment inside a JSX fragment (Agentflow\'s mixed case)', () => {
    write({ 'prompts/bar.mdx': 'Bar' });
    const result = compileFlow(`Test\n\n{\n  <>\n    Foo {include('bar.mdx')}\n  </>\n}${ACTION}`);
    expect(firstPrompt(result)).toBe('Test\n\nFoo Bar');
  });

  it("reads prompts/ beside the workflow's folder when that folder has none, as in an Agentflow project (flows/ and prompts/)", () => {
    write({ 'prompts/tone.mdx': 'Be {mood}.', 'prompts/rules.mdx': 'Rule: {moood}.' });
    const text = `---\ndata: { mood: brief }\n---\n\nWrite.\n\n{include('tone')}${ACTION}`;
    write({ 'flows/story.mdx': text });
    const result = compile(text, join(folder, 'flows', 'story.mdx'));
    expect(firstPrompt(result, { mood: 'brief' })).toBe('Write.\n\nBe brief.');
    expect(result.fragments).toEqual([join(folder, 'flows', '..', 'prompts', 'tone.mdx')]);
    // its problems name the fragment from the workflow's folder
    const broken = `---\ndata: { mood: brief }\n---\n\n{include('rule')} {include('rules')}${ACTION}`;
    expect(compile(broken, join(folder, 'flows', 'story.mdx')).diagnostics.map((d) => [d.file, d.message])).toEqual([
      [undefined, "no fragment `../prompts/rule.mdx`; did you mean include('rules.mdx')?"],
      ['../prompts/rules.mdx', 'unknown name `moood`; did you mean `mood`?'],
    ]);
    // a workflow folder with its own prompts/ uses only that one
    write({ 'flows/prompts/other.mdx': 'Other.' });
    expect(compile(text, join(folder, 'flows', 'story.mdx')).diagnostics.map((d) => d.message)).toEqual([
      "no fragment `prompts/tone.mdx` for include('tone'): create it in the prompts folder next to the workflow; prompts/ holds other.mdx",
    ]);
  });

  it('sees the parameters of the function it is called in: one fragment per item of a map', () => {
    write({ 'prompts/line.mdx': '- {lang} ({i + 1} of {langs.length})' });
    const result = compileFlow(`---\ndata: { langs: [fr, de] }\n---\n\n{langs.map((lang, i) => include('line'))}\n\n{langs.map((l) => { const lang = l.toUpperCase(); const i = 9; return include('line'); })}${ACTION}`);
    expect(firstPrompt(result, { langs: ['fr', 'de'] })).toBe('- fr (1 of 2)\n- de (2 of 2)\n\n- FR (10 of 2)\n- DE (10 of 2)');
    // outside the function, the name is unknown as before
    expect(compileFlow(`---\ndata: { langs: [fr] }\n---\n\n{langs.map((lang) => lang)} {include('line')}${ACTION}`).diagnostics.map((d) => [d.file, d.message])).toEqual([
      ['prompts/line.mdx', 'unknown name `lang`; did you mean `langs`?'],
      ['prompts/line.mdx', 'unknown name `i`: define it with an action\'s as="i" above, or as a frontmatter `input` or `data` key'],
    ]);
  });

  it('nested maps of fragments (a list of lists) write one line per fragment, as a flat list does', () => {
    const result = compileFlow(`---\ndata: { a: [1, 2], b: [x, y] }\n---\n\n{a.map((i) => b.map((j) => <>- {i}{j}</>))}\n\n{<>Pairs: {a.map((i) => [<>{i}a</>, <>{i}b</>])}</>}${ACTION}`);
    expect(firstPrompt(result, { a: [1, 2], b: ['x', 'y'] })).toBe('- 1x\n- 1y\n- 2x\n- 2y\n\nPairs: 1a\n1b\n2a\n2b');
  });

  it("is text to string methods too: include('rules').trim(), .length, a fragment's .split()", () => {
    write({ 'prompts/rules.mdx': '\nBe kind.\n' });
    const result = compileFlow(`{include('rules').toUpperCase()} ({include('rules').length} letters, ends with a dot: {String(include('rules').endsWith('.'))})\n\n{<>a, b</>.split(', ').join(' + ')}${ACTION}`);
    expect(firstPrompt(result)).toBe('BE KIND. (8 letters, ends with a dot: true)\n\na + b');
  });

  it('sees the names of a Loop body where it is included there', () => {
    write({ 'prompts/line.mdx': 'Translate into {lang}.' });
    const result = compileFlow(
      `---\ndata: { langs: [fr] }\n---\n\nGo.${ACTION}\n<Loop as="l" until={$index === langs.length} provide={{ lang: langs[$index] }}>\n  {include('line')}\n\n  <GenText as="t" model="echo" />\n</Loop>\n`,
    );
    expect(result.diagnostics).toEqual([]);
  });
});

describe('problems in fragments are compile errors', () => {
  it('reports an unknown name at its place in the fragment\'s own file', () => {
    write({ 'prompts/tone.mdx': 'Be brief.\n\nWrite for {audiense}.\n' });
    const result = compileFlow(`---\ndata: { audience: kids }\n---\n\n{include('tone')}${ACTION}`);
    expect(result.diagnostics).toEqual([
      { severity: 'error', rule: 'unknown-name', line: 3, column: 12, file: 'prompts/tone.mdx', message: 'unknown name `audiense`; did you mean `audience`?' },
    ]);
  });

  it('reports a name defined only after the include as a forward reference', () => {
    write({ 'prompts/recap.mdx': 'Recap: {summary}' });
    const result = compileFlow(`{include('recap')}${ACTION}\nMore.\n\n<GenText as="summary" model="echo" />\n`);
    expect(result.diagnostics.map((d) => [d.rule, d.file, d.line, d.column])).toEqual([['forward-reference', 'prompts/recap.mdx', 1, 9]]);
  });

  it('names a missing fragment with a did-you-mean', () => {
    write({ 'prompts/tone.mdx': 'Be brief.', 'prompts/style.mdx': 'Plain.' });
    const result = compileFlow(`Hi.\n\n{include('tones')}${ACTION}`);
    expect(result.diagnostics).toEqual([
      { severity: 'error', rule: 'missing-fragment', line: 3, column: 2, message: "no fragment `prompts/tones.mdx`; did you mean include('tone.mdx')?" },
    ]);
    // watched, so creating it recompiles
    expect(result.fragments).toEqual([join(folder, 'prompts', 'tones.mdx')]);
  });

  it('says where fragments live when there is nothing close', () => {
    const result = compileFlow(`{include('persona')}${ACTION}`);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "no fragment `prompts/persona.mdx` for include('persona'): create it in the prompts folder next to the workflow",
    ]);
  });

  it('names the cycle of a circular include', () => {
    write({ 'prompts/a.mdx': "A {include('b')}", 'prompts/b.mdx': "B {include('a.mdx')}" });
    const result = compileFlow(`{include('a')}${ACTION}`);
    expect(result.diagnostics).toEqual([
      {
        severity: 'error',
        rule: 'include-cycle',
        line: 1,
        column: 4,
        file: 'prompts/b.mdx',
        message: 'circular include: prompts/a.mdx → prompts/b.mdx → prompts/a.mdx; a fragment cannot include itself, directly or through others: remove one of these include() calls',
      },
    ]);
  });

  it('refuses an action inside a fragment, at its place there', () => {
    write({ 'prompts/ask.mdx': 'Ask.\n\n<GenText as="inner" model="echo" />\n' });
    const result = compileFlow(`{include('ask')}${ACTION}`);
    expect(result.diagnostics.map((d) => [d.rule, d.file, d.line, d.column, d.message])).toEqual([
      ['fragment-action', 'prompts/ask.mdx', 3, 1, '<GenText> cannot be in a fragment: a fragment is prompt text only; put the action in the workflow, after the include()'],
    ]);
  });

  it('reports an MDX syntax error in a fragment in its file', () => {
    write({ 'prompts/bad.mdx': 'One.\n\nTwo { three\n' });
    const result = compileFlow(`{include('bad')}${ACTION}`);
    expect(result.diagnostics.map((d) => [d.rule, d.file, d.line])).toEqual([['mdx-syntax', 'prompts/bad.mdx', 3]]);
  });

  it('takes only a file name written out, inside the prompts folder', () => {
    write({ 'secret.txt': 'key', 'prompts/x.mdx': 'x' });
    symlinkSync(join(folder, 'secret.txt'), join(folder, 'prompts', 'link.mdx'));
    const result = compileFlow(`{include(name)} {include('../secret.txt')} {include('link')} {include}${ACTION}`);
    expect(result.diagnostics.map((d) => [d.rule, d.column])).toEqual([
      ['include-argument', 2],
      ['unknown-name', 10],
      ['include-path', 18],
      ['missing-fragment', 45],
      ['include-call', 63],
    ]);
    expect(result.diagnostics[3]!.message).toBe('fragment `prompts/link.mdx` cannot be included: it links to a file outside the prompts folder; copy the text into the folder instead');
  });
});
