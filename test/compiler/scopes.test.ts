import { describe, expect, it } from 'vitest';
import { compileFixture, diagnosticsOf, outline, workflowOf } from './compile-helpers.js';

describe('Loop and Cond bodies', () => {
  it('compiles the seed translations loop with provide keys as the body names', () => {
    const { workflow, diagnostics } = compileFixture('valid/translations-loop.mdx');
    expect(diagnostics).toEqual([]);
    expect(workflow!.root.provided).toEqual(['langs']);
    const loop = workflow!.root.phases[0]!.steps[1]!.action!;
    expect(loop.attributes).toEqual({
      until: { kind: 'expr', source: '$index === langs.length', line: 14, column: 3 },
      provide: { kind: 'expr', source: '{ langs, original: poem }', line: 15, column: 3 },
    });
    expect(loop.body!.provided).toEqual(['langs', 'original']);
    expect(outline(workflow!.root)).toEqual([
      ['0.0', 'GenText poem'],
      ['0.1', 'Loop translations'],
      ['0.1/0.0', 'GenText poem'],
    ]);
  });

  it('nests ids and gives inner bodies the helpers of every enclosing loop', () => {
    const { workflow, diagnostics } = compileFixture('valid/nested-loop.mdx');
    expect(diagnostics).toEqual([]);
    expect(outline(workflow!.root)).toEqual([
      ['0.0', 'Loop poems'],
      ['0.0/0.0', 'GenText poem'],
      ['0.0/0.1', 'Loop translations'],
      ['0.0/0.1/0.0', 'GenText translation'],
      ['0.1', 'GenText summary'],
    ]);
  });

  it('compiles a Cond whose body sees only its provide keys', () => {
    const { workflow, diagnostics } = compileFixture('valid/cond.mdx');
    expect(diagnostics).toEqual([]);
    const cond = workflow!.root.phases[0]!.steps[1]!.action!;
    expect(cond.name).toBe('Cond');
    expect(cond.body!.provided).toEqual(['draft', 'limit']);
    expect(workflow!.root.phases[0]!.steps[2]).toMatchObject({ id: '0.2', action: null });
  });

  it('hints at provide when a body reads an outer name', () => {
    expect(
      diagnosticsOf('---\nmodel: m\n---\n\nA.\n\n<GenText as="poem" />\n\n<Cond as="c" if={true}>\n  Use {poem}.\n\n  <GenText as="x" />\n</Cond>\n'),
    ).toEqual([
      {
        severity: 'error',
        rule: 'unknown-name',
        line: 10,
        column: 8,
        message: "unknown name `poem`: this Cond's body only sees what its `provide` passes in; add it: provide={{ poem }}",
      },
    ]);
  });

  it('keeps loop helpers out of the root and $<as> out of unrelated loops', () => {
    expect(
      diagnosticsOf('---\nmodel: m\n---\n\nA {$index}.\n\n<GenText as="a" />\n\n<Loop as="l" until={$l.index > 1}>\n  {$index} {$l} {$other}\n\n  <GenText as="b" />\n</Loop>\n').map((d) => [
        d.rule,
        d.line,
        d.column,
      ]),
    ).toEqual([
      ['unknown-name', 5, 4],
      ['unknown-name', 10, 18],
    ]);
  });

  it('lets a body reuse outer names and its block name, but not clash with provide', () => {
    expect(
      diagnosticsOf('---\nmodel: m\n---\n\nA.\n\n<GenText as="poem" />\n\n<Loop as="l" until={true} provide={{ poem }}>\n  <GenText as="l" />\n\n  <GenText as="poem" />\n</Loop>\n'),
    ).toEqual([
      {
        severity: 'error',
        rule: 'duplicate-name',
        line: 12,
        column: 12,
        message: "`poem` is already defined by this Loop's `provide` (line 9); pick another name for this GenText",
      },
    ]);
  });

  it.each([
    ['Loop', 'until={$index === 1}'],
    ['Cond', 'if={true}'],
  ])('splits a %s body into phases at ---, each with its own steps', (tag, condition) => {
    const text = `---\nmodel: m\n---\n\nA.\n\n<${tag} as="block" ${condition}>\n  One.\n\n  <GenText as="a" />\n\n  ---\n\n  Two {a}.\n\n  <GenText as="b" />\n</${tag}>\n`;
    expect(diagnosticsOf(text)).toEqual([]);
    const workflow = workflowOf(text);
    expect(outline(workflow.root)).toEqual([
      ['0.0', `${tag} block`],
      ['0.0/0.0', 'GenText a'],
      ['0.0/1.0', 'GenText b'],
    ]);
    const body = workflow.root.phases[0]!.steps[0]!.action!.body!;
    expect(body.phases.map((phase) => phase.steps.map((step) => step.action?.as))).toEqual([['a'], ['b']]);
  });

  it('keeps a body without --- as one phase', () => {
    const { workflow } = compileFixture('valid/kebab-case.mdx');
    const body = workflow!.root.phases[0]!.steps[2]!.action!.body!;
    expect(body.phases.map((phase) => phase.steps.map((step) => step.action?.as))).toEqual([['rewrite']]);
  });

  it('rejects a provide that is not an object literal', () => {
    expect(diagnosticsOf('---\nmodel: m\n---\n\nA.\n\n<Cond as="c" if={true} provide={[1]}>\n</Cond>\n')).toEqual([
      {
        severity: 'error',
        rule: 'attribute-type',
        line: 7,
        column: 24,
        message: '`provide` takes an object, not an array: write provide={{ name }}',
      },
      {
        severity: 'error',
        rule: 'attribute-type',
        line: 7,
        column: 24,
        message: '`provide` must be an object literal listing what the body can use: write provide={{ langs, original: poem }}',
      },
    ]);
  });
});
