import { describe, expect, it } from 'vitest';
import { compileFixture, diagnosticsOf, outline, workflowOf } from './compile-helpers.js';

describe('phases', () => {
  it('splits the seed example at its --- into two phases', () => {
    const { workflow, diagnostics } = compileFixture('valid/multiple-phases.mdx');
    expect(diagnostics).toEqual([]);
    expect(workflow!.root.phases.map((phase) => phase.line)).toEqual([1, 9]);
    expect(outline(workflow!.root)).toEqual([
      ['0.0', 'GenText poem'],
      ['1.0', 'GenText translation'],
    ]);
  });

  it('counts several breaks in a row as one and drops phases holding only comments', () => {
    const workflow = workflowOf(
      'One.\n\n<GenText as="a" model="m" />\n\n---\n\n***\n\n---\n\n> only a note\n\n{/* and a comment */}\n\n---\n\nTwo.\n\n<GenText as="b" model="m" />\n',
    );
    expect(workflow.root.phases.map((phase) => phase.line)).toEqual([1, 17]);
    expect(outline(workflow.root)).toEqual([
      ['0.0', 'GenText a'],
      ['1.0', 'GenText b'],
    ]);
  });

  it('keeps a phase without actions as a single trailing step', () => {
    const workflow = workflowOf('One.\n\n<GenText as="a" model="m" />\n\n---\n\nJust text: {a}\n');
    expect(workflow.root.phases[1]).toEqual({
      line: 7,
      steps: [
        {
          id: '1.0',
          line: 7,
          action: null,
          content: [
            { kind: 'text', text: 'Just text: ' },
            { kind: 'expr', source: 'a', block: false, line: 7, column: 12 },
          ],
        },
      ],
    });
  });

  it('warns when --- under a line of text makes a heading instead of a break', () => {
    const { workflow, diagnostics } = compileFixture('valid/setext-trap.mdx');
    expect(diagnostics).toEqual([
      {
        severity: 'warning',
        rule: 'setext-heading',
        line: 9,
        column: 1,
        message: 'this `---` turns the line above into a heading; put a blank line before it to start a new phase',
      },
    ]);
    // still one phase: the heading is prompt text of the second step
    expect(workflow!.root.phases).toHaveLength(1);
    expect(workflow!.root.phases[0]!.steps[1]!.content).toEqual([
      { kind: 'text', text: 'Now translate it: ' },
      { kind: 'expr', source: 'poem', block: false, line: 8, column: 19 },
      { kind: 'text', text: '\n---' },
    ]);
  });

  it('does not warn for a === heading or a --- after a blank line', () => {
    expect(diagnosticsOf('Title\n===\n\nx\n\n<GenText as="a" model="m" />\n\n---\n\ny\n\n<GenText as="b" model="m" />\n')).toEqual([]);
  });
});
