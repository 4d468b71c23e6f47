import { describe, expect, it } from 'vitest';
import { diagnosticsOf, outline, workflowOf } from './compile-helpers.js';

describe('actions', () => {
  it('reads literal and expression attributes with their places', () => {
    const workflow = workflowOf('Write.\n\n<GenText as="poem" model="echo" options={{ temperature: 0.2 }} />\n');
    expect(workflow.root.phases[0]!.steps[0]!.action).toEqual({
      name: 'GenText',
      kind: 'leaf',
      as: 'poem',
      attributes: {
        model: { kind: 'literal', value: 'echo', line: 3, column: 20 },
        options: { kind: 'expr', source: '{ temperature: 0.2 }', line: 3, column: 33 },
      },
      body: null,
      line: 3,
      column: 1,
    });
  });

  it('maps kebab-case spellings to the actions, and <loop> only when it has an as', () => {
    const workflow = workflowOf(
      '---\nmodel: echo\n---\n\nA.\n\n<gen-text as="a" />\n\n<loop>plain</loop>\n\n<loop as="l" until={true}>\n  B.\n\n  <gen-object as="o" schema={{}} />\n</loop>\n',
    );
    expect(outline(workflow.root)).toEqual([
      ['0.0', 'GenText a'],
      ['0.1', 'Loop l'],
      ['0.1/0.0', 'GenObject o'],
    ]);
    expect(workflow.root.phases[0]!.steps[1]!.content).toEqual([{ kind: 'text', text: '<loop>plain</loop>' }]);
  });

  it('checks custom actions from the config against their attribute specs', () => {
    const options = { actions: { WebSearch: { attributes: { query: { type: 'string' as const, required: true }, limit: { type: 'number' as const } } } } };
    expect(diagnosticsOf('Find.\n\n<web-search as="hits" query="cats" limit="5" />\n', options)).toEqual([
      { severity: 'error', rule: 'attribute-type', line: 3, column: 36, message: '`limit` takes a number: write limit={5}' },
    ]);
    expect(diagnosticsOf('Find.\n\n<WebSerch as="hits" />\n', options)).toEqual([
      { severity: 'error', rule: 'unknown-action', line: 3, column: 1, message: 'unknown action `<WebSerch>`; did you mean `<WebSearch>`?' },
    ]);
    expect(diagnosticsOf('Find.\n\n<WebSearch as="hits" />\n', options)).toEqual([
      { severity: 'error', rule: 'missing-attribute', line: 3, column: 1, message: '<WebSearch> needs a `query` attribute: add query="..."' },
    ]);
  });

  it('type-checks expression attributes that are plain literals', () => {
    expect(diagnosticsOf('---\nmodel: m\n---\n\nA.\n\n<GenText as="a" stream={"no"} />\n\n<Loop as="l" until={false} max={[1]}>\n</Loop>\n')).toEqual([
      { severity: 'error', rule: 'attribute-type', line: 7, column: 17, message: '`stream` takes a boolean, not a string: write stream={false}' },
      { severity: 'error', rule: 'attribute-type', line: 9, column: 28, message: '`max` takes a number, not an array: write max={10}' },
    ]);
  });

  it('rejects as names that expressions could not use', () => {
    const rules = (as: string) => diagnosticsOf(`A.\n\n<GenText as=${as} model="m" />\n`).map((d) => [d.rule, d.message]);
    expect(rules('"$x"')).toEqual([['invalid-as', 'as="$x": names starting with `$` are reserved for helpers; write as="x"']]);
    expect(rules('"class"')).toEqual([['invalid-as', 'as="class" is a reserved word in JavaScript; pick another name, e.g. as="classResult"']]);
    expect(rules('{name}')).toEqual([['invalid-as', '`as` must be a plain string naming the result: write as="result"']]);
    expect(rules('"2nd"')).toEqual([['invalid-as', 'as="2nd" is not a valid name: use letters, digits and _ (not starting with a digit), e.g. as="result"']]);
  });

  it('reports an action nested in a list and a capitalised unknown element inline', () => {
    expect(diagnosticsOf('- item\n\n  <GenText as="a" model="m" />\n\nSee <Foo /> here.\n')).toEqual([
      {
        severity: 'error',
        rule: 'inline-action',
        line: 3,
        column: 3,
        message: '<GenText> is nested inside other markup: move it to the top level of the workflow (or of a Loop/Cond body)',
      },
      {
        severity: 'error',
        rule: 'unknown-action',
        line: 5,
        column: 5,
        message: 'unknown action `<Foo>`; known actions are <GenText>, <GenObject>, <Loop>, <Cond>; lower-case tags like <example> are kept as text',
      },
    ]);
  });

  it('needs until on a Loop and if on a Cond', () => {
    expect(diagnosticsOf('A.\n\n<Loop as="l">\n</Loop>\n\n<Cond as="c">\n</Cond>\n').map((d) => [d.rule, d.line, d.message])).toEqual([
      ['missing-attribute', 3, '<Loop> needs a `until` attribute: add until={$index === 3}'],
      ['missing-attribute', 6, '<Cond> needs a `if` attribute: add if={condition}'],
    ]);
  });
});
