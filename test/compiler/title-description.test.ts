import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compiler/index.js';
import { compileFixture, workflowOf } from './compile-helpers.js';

const ACTION = '\n\n<GenText as="a" model="m" />\n';

describe('title', () => {
  it('prefers the frontmatter title', () => {
    expect(workflowOf('---\ntitle: From YAML\n---\n\n# Heading\n\nA.' + ACTION).title).toBe('From YAML');
  });

  it('uses a leading heading, even after a note', () => {
    expect(workflowOf('> note\n\n## The `best` poem\n\nA.' + ACTION).title).toBe('The best poem');
  });

  it('falls back to the file name without folder and extension', () => {
    expect(compile('A.' + ACTION, 'flows/cat-poem.mdx').workflow!.title).toBe('cat-poem');
    expect(compile('A.\n\n# Late heading' + ACTION, 'C:\\flows\\x.md').workflow!.title).toBe('x');
  });
});

describe('description', () => {
  it('takes a first phase without actions as the description, expressions unevaluated', () => {
    const { workflow, diagnostics } = compileFixture('valid/description.mdx');
    expect(diagnostics).toEqual([]);
    expect(workflow!.title).toBe('Cat poems');
    expect(workflow!.description).toBe('# Cat poems\n\nThis workflow writes a poem about {topic}, then improves it.');
    expect(workflow!.descriptionLine).toBe(6);
    expect(workflow!.root.phases.map((phase) => phase.steps[0]!.id)).toEqual(['0.0']);
    expect(workflow!.root.phases[0]!.line).toBe(14);
  });

  it('checks the names of its expressions like any other (they are shown, not run)', () => {
    expect(compile('Intro {foo}\n\n---\n\nA.' + ACTION, 'intro.mdx').diagnostics).toEqual([
      {
        severity: 'error',
        rule: 'unknown-name',
        line: 1,
        column: 8,
        message: "unknown name `foo`: define it with an action's as=\"foo\" above, or as a frontmatter `input` or `data` key",
      },
    ]);
    // an action's result does not exist yet where the description is
    expect(compile('About {a}.\n\n---\n\nA.' + ACTION, 'intro.mdx').diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([
      ['forward-reference', 1, 8],
    ]);
  });

  it('is null when the first phase has an action', () => {
    const workflow = workflowOf('Intro.' + ACTION + '\n---\n\nMore.\n');
    expect(workflow.description).toBeNull();
    expect(workflow.descriptionLine).toBeNull();
    expect(workflow.root.phases).toHaveLength(2);
  });
});
