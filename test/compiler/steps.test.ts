import { describe, expect, it } from 'vitest';
import { compileFixture, workflowOf } from './compile-helpers.js';

describe('steps', () => {
  it('makes each action close a step holding the text since the previous one', () => {
    const { workflow, diagnostics } = compileFixture('valid/single-phase.mdx');
    expect(diagnostics).toEqual([]);
    const steps = workflow!.root.phases[0]!.steps;
    expect(steps.map((step) => [step.id, step.line, step.content])).toEqual([
      ['0.0', 4, [{ kind: 'text', text: 'Write a poem about cats.' }]],
      ['0.1', 8, [{ kind: 'text', text: 'Now translate it to German:' }]],
    ]);
  });

  it('keeps the author text byte for byte and marks expressions alone on a line as blocks', () => {
    const workflow = workflowOf('# Poem\n\nWrite  *one* poem about {topic}:\n\n{ notes }\n\n<GenText as="poem" model="m" />\n'.replace('{topic}', '{`cats`}'));
    expect(workflow.root.phases[0]!.steps[0]!.content).toEqual([
      { kind: 'text', text: '# Poem\n\nWrite  *one* poem about ' },
      { kind: 'expr', source: '`cats`', block: false, line: 3, column: 25 },
      { kind: 'text', text: ':\n\n' },
      { kind: 'expr', source: ' notes ', block: true, line: 5, column: 1 },
    ]);
  });

  it('cuts blockquotes and {/* */} comments out of the prompt', () => {
    const { workflow, diagnostics } = compileFixture('valid/comments.mdx');
    expect(diagnostics).toEqual([]);
    expect(workflow!.root.phases[0]!.steps).toEqual([
      {
        id: '0.0',
        line: 7,
        content: [{ kind: 'text', text: 'Write a poem about cats.\nKeep it short.\n\nMake it rhyme  please.' }],
        action: expect.objectContaining({ name: 'GenText', as: 'poem' }),
      },
    ]);
  });

  it('keeps lower-case tags as text and still finds the expressions inside them', () => {
    const { workflow, diagnostics } = compileFixture('valid/xml-tags.mdx');
    expect(diagnostics).toEqual([]);
    expect(workflow!.root.phases[0]!.steps[0]!.content).toEqual([
      { kind: 'text', text: 'Here is an example of the style I want:\n\n<example>' },
      { kind: 'expr', source: 'sample', block: false, line: 11, column: 10 },
      { kind: 'text', text: '</example>\n\n<rules>\n  Keep it under ' },
      { kind: 'expr', source: 'sample.length', block: false, line: 14, column: 17 },
      { kind: 'text', text: ' words.\n</rules>\n\n<loop>this is just a word in a tag</loop>' },
    ]);
  });

  it('adds a trailing step without action for text after the last action', () => {
    const workflow = workflowOf('Write.\n\n<GenText as="a" model="m" />\n\nDone: {a}\n\n> note\n');
    expect(workflow.root.phases[0]!.steps[1]).toEqual({
      id: '0.1',
      line: 5,
      action: null,
      content: [
        { kind: 'text', text: 'Done: ' },
        { kind: 'expr', source: 'a', block: false, line: 5, column: 7 },
      ],
    });
  });

  it('gives an action with nothing before it an empty content', () => {
    const workflow = workflowOf('Write.\n\n<GenText as="a" model="m" />\n<GenText as="b" model="m" />\n');
    expect(workflow.root.phases[0]!.steps.map((step) => [step.id, step.content, step.line])).toEqual([
      ['0.0', [{ kind: 'text', text: 'Write.' }], 1],
      ['0.1', [], 4],
    ]);
  });

  it('removes the common indentation of a body', () => {
    const { workflow } = compileFixture('valid/translations-loop.mdx');
    const loop = workflow!.root.phases[0]!.steps[1]!.action!;
    expect(loop.body!.phases[0]!.steps[0]!.content).toEqual([
      { kind: 'text', text: 'Translate this poem to ' },
      { kind: 'expr', source: 'langs[$index]', block: false, line: 17, column: 26 },
      { kind: 'text', text: ':\n' },
      { kind: 'expr', source: 'original', block: true, line: 18, column: 3 },
    ]);
  });
});
