// One fixture per diagnostic rule: the exact diagnostics a user sees for it.
import { describe, expect, it } from 'vitest';
import { compileFixture } from './compile-helpers.js';

const MISSING_MODEL = '<GenText> has no model: add model="openai:gpt-4o" or a `model:` in the frontmatter, or run with --model';

const cases: Array<[string, Array<[string, string, number, number, string]>]> = [
  ['unknown-action', [['error', 'unknown-action', 3, 1, 'unknown action `<GenTxt>`; did you mean `<GenText>`?']]],
  ['inline-action', [['error', 'inline-action', 1, 14, '<GenText> is inside a paragraph: put it on its own line with a blank line before and after']]],
  [
    'spread-attribute',
    [
      ['warning', 'missing-model', 9, 1, MISSING_MODEL],
      ['error', 'spread-attribute', 9, 20, 'spread attributes (`{...settings}`) are not supported on <GenText>: write each attribute out, e.g. model={settings.model}'],
    ],
  ],
  [
    'unknown-attribute',
    [
      ['warning', 'missing-model', 3, 1, MISSING_MODEL],
      ['error', 'unknown-attribute', 3, 20, '<GenText> has no attribute `modle`; did you mean `model`?'],
    ],
  ],
  ['attribute-type', [['error', 'attribute-type', 3, 33, '`stream` takes a boolean: write stream={false}']]],
  ['missing-attribute', [['error', 'missing-attribute', 3, 1, '<GenObject> needs a `schema` attribute: add schema={$.z.object({ title: $.z.string() })}']]],
  ['missing-as', [['error', 'missing-as', 3, 1, '<GenText> needs an `as` attribute naming its result, e.g. <GenText as="result" ... />']]],
  ['invalid-as', [['error', 'invalid-as', 3, 10, 'as="my poem" is not a valid name: use letters, digits and _ (not starting with a digit), e.g. as="myPoem"']]],
  [
    'duplicate-name',
    [
      ['error', 'duplicate-name', 15, 10, '`poem` is already defined at line 9 (GenText); pick another name for this GenText'],
      ['error', 'duplicate-name', 17, 10, '`topic` is already defined by the frontmatter input `topic` (line 3); pick another name for this GenText'],
    ],
  ],
  ['unknown-name', [['error', 'unknown-name', 5, 18, 'unknown name `peom`; did you mean `poem`?']]],
  ['forward-reference', [['error', 'forward-reference', 1, 24, '`summary` is used before it is defined at line 7; move this below that action']]],
  [
    'expression-syntax',
    [['error', 'expression-syntax', 1, 20, 'this expression is empty: write a JavaScript expression inside the braces, `{/* ... */}` for a comment, or `\\{` for a literal brace']],
  ],
  ['unexpected-body', [['error', 'unexpected-body', 1, 1, '<GenText> does not take a body: close it as <GenText as="poem" ... /> and put the prompt above it']]],
  ['setext-heading', [['warning', 'setext-heading', 5, 1, 'this `---` turns the line above into a heading; put a blank line before it to start a new phase']]],
  ['missing-model', [['warning', 'missing-model', 3, 1, MISSING_MODEL]]],
];

describe('invalid fixtures', () => {
  it.each(cases)('fixtures/invalid/%s.mdx', (rule, expected) => {
    const { workflow, diagnostics } = compileFixture(`invalid/${rule}.mdx`);
    expect(workflow).not.toBeNull();
    expect(diagnostics).toEqual(expected.map(([severity, rule, line, column, message]) => ({ severity, rule, line, column, message })));
  });
});

describe('valid fixtures', () => {
  it.each(['single-phase', 'multiple-phases', 'translations-loop', 'nested-loop', 'cond', 'description', 'comments', 'xml-tags', 'kebab-case'])(
    'fixtures/valid/%s.mdx compiles without diagnostics',
    (name) => {
      expect(compileFixture(`valid/${name}.mdx`).diagnostics).toEqual([]);
    },
  );
});
