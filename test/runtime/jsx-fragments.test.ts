// JSX fragments in expressions (docs/language.md §9): `{<>Hello **{name}**</>}` renders its markdown
// with its values, an array of fragments one per line, shared indentation removed. They run
// in the sandbox as plain calls: the compiled code holds no JSX.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/compiler/index.js';
import type { Segment } from '../../src/compiler/types.js';
import { renderContent } from '../../src/runtime/render.js';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox();
});
afterAll(() => sandbox.dispose());

/** The first step's prompt as the model gets it, with `data` in scope. */
function promptOf(body: string, data: Record<string, unknown> = {}): string {
  const result = compile(`---\ndata: ${JSON.stringify(data)}\n---\n\n${body}\n\n<GenText as="out" model="echo" />\n`, 'test.mdx');
  expect(result.diagnostics).toEqual([]);
  const content = result.workflow!.root.phases[0]!.steps[0]!.content;
  return renderContent(content, sandbox, data).text;
}

describe('JSX fragments render as prompt text', () => {
  it('renders a fragment inline with its markdown and expressions', () => {
    expect(promptOf('Say: {<>Hello **{name}**</>}!', { name: 'Ada' })).toBe('Say: Hello **Ada**!');
  });

  it('renders an array of fragments one per line', () => {
    expect(promptOf('Languages:\n\n{langs.map((l) => <>- {l}</>)}', { langs: ['French', 'German', 'Welsh'] })).toBe(
      'Languages:\n\n- French\n- German\n- Welsh',
    );
  });

  it('renders an empty array of fragments as nothing, not as []', () => {
    expect(promptOf('Languages: {langs.map((l) => <>- {l}</>)}.', { langs: [] })).toBe('Languages: .');
  });

  it('removes the indentation a fragment shares, and its surrounding blank lines', () => {
    const body = ['Items:', '', '{items.map((item) => (', '  <>', '    ## {item.title}', '', '    {item.text}', '  </>', '))}'].join('\n');
    const items = [
      { title: 'One', text: 'first' },
      { title: 'Two', text: 'second' },
    ];
    expect(promptOf(body, { items })).toBe('Items:\n\n## One\n\nfirst\n## Two\n\nsecond');
  });

  it('nests fragments, each rendered in its place', () => {
    const body = '{groups.map((g) => <>{g.name}: {g.items.map((i) => <>[{i}]</>)}</>)}';
    const groups = [
      { name: 'a', items: [1, 2] },
      { name: 'b', items: [3] },
    ];
    expect(promptOf(body, { groups })).toBe('a: [1]\n[2]\nb: [3]');
  });

  it('renders Agentflow\'s nested fragment arrays as Agentflow does: every line of every fragment, one per line', () => {
    const body = [
      'Test',
      '',
      '{[1,2].map(a => (',
      '  <>',
      '    {[1,2].map(b => (',
      '      <>',
      '        {[1,2].map(c => (',
      '          <>',
      '            Foo {a} {b} {c}',
      '            Bar {a * b * c}',
      '          </>',
      '        ))}',
      '      </>',
      '    ))}',
      '  </>',
      '))}',
    ].join('\n');
    const lines = [];
    for (const a of [1, 2]) for (const b of [1, 2]) for (const c of [1, 2]) lines.push(`Foo ${a} ${b} ${c}`, `Bar ${a * b * c}`);
    expect(promptOf(body)).toBe(`Test\n\n${lines.join('\n')}`);
    expect(promptOf('Test {[1,2].map(n => (<>Foo {n}</>))}')).toBe('Test Foo 1\nFoo 2');
  });

  it('keeps lower-case tags as text, decodes entities and drops {/* notes */}', () => {
    expect(promptOf('{<><example kind="x">{n} &gt; 1</example>{/* why */}</>}', { n: 2 })).toBe('<example kind="x">2 > 1</example>');
  });

  it('renders an object value in a fragment as JSON, fenced when it stands on its own line', () => {
    expect(promptOf('{<>Data: {o}</>}', { o: { a: 1 } })).toBe('Data: {"a":1}');
    expect(promptOf('{<>\n  Data:\n  {o}\n</>}', { o: { a: 1 } })).toBe('Data:\n```json\n{\n  "a": 1\n}\n```');
  });

  it('goes into template literals and attributes as its text', () => {
    expect(promptOf('{`[${<>x {n}</>}]`}', { n: 1 })).toBe('[x 1]');
    const result = compile('---\ndata: { who: terse }\n---\n\n<GenText as="out" model="echo" role={<>You are **{who}**.</>} />\n', 'test.mdx');
    expect(result.diagnostics).toEqual([]);
    const role = result.workflow!.root.phases[0]!.steps[0]!.action!.attributes.role!;
    expect(role.kind === 'expr' && sandbox.evaluate(role.code!, { who: 'terse' })).toBe('You are **terse**.');
  });

  it('hands the sandbox plain calls, never JSX', () => {
    const result = compile('{<>Hi {name}</>}\n\n<GenText as="out" model="echo" />\n', 'test.mdx');
    const segment = result.workflow!.root.phases[0]!.steps[0]!.content[0] as Extract<Segment, { kind: 'expr' }>;
    expect(segment.source).toBe('<>Hi {name}</>');
    expect(segment.code).toBe('__stepwise.shown(__stepwise.fragment(["Hi ", (name)]))');
  });

  it('checks the names inside a fragment like any other', () => {
    const result = compile('{items.map((i) => <>- {i} {nobody}</>)}\n\n<GenText as="out" model="echo" />\n', 'test.mdx');
    expect(result.diagnostics.map((d) => [d.rule, d.line, d.column, d.message])).toEqual([
      ['unknown-name', 1, 2, expect.stringContaining('`items`')],
      ['unknown-name', 1, 28, expect.stringContaining('`nobody`')],
    ]);
  });

  it('refuses a component inside a fragment and an element outside one, saying what to write', () => {
    const result = compile('{<>Hi <Card /></>} {<b>x</b>}\n\n<GenText as="out" model="echo" />\n', 'test.mdx');
    expect(result.diagnostics.map((d) => [d.rule, d.column, d.message])).toEqual([
      ['jsx-expression', 7, expect.stringContaining('write the tag in lower case to keep it as text')],
      ['jsx-expression', 21, expect.stringContaining('as a fragment, e.g. {<>Hello **{name}**</>}')],
    ]);
  });
});
