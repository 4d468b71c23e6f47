import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFrontmatter } from '../../src/compiler/frontmatter.js';

/** The YAML between a fixture's `---` fences, and the file line it starts on. */
function fixtureYaml(name: string): [string, number] {
  const lines = readFileSync(new URL(`../../fixtures/frontmatter/${name}`, import.meta.url), 'utf8').split('\n');
  const end = lines.indexOf('---', 1);
  return [lines.slice(1, end).join('\n'), 2];
}

describe('parseFrontmatter: a valid frontmatter', () => {
  const result = parseFrontmatter(...fixtureYaml('every-input-type.mdx'));

  it('reads title, model and data, with no diagnostics', () => {
    expect(result.diagnostics).toEqual([]);
    expect(result.title).toBe('Every input type');
    expect(result.model).toBe('echo');
    expect(result.data).toEqual({ tone: 'friendly', limits: { words: 200 } });
  });

  it('reads every input type, with defaults filled in and the line of each key in the file', () => {
    expect(result.inputs).toEqual([
      { name: 'topic', type: 'text', message: 'Topic', required: true, multiline: false, line: 8 },
      {
        name: 'targetAudience', type: 'text', message: 'Who reads this?', default: 'children',
        required: false, multiline: false, line: 9,
      },
      { name: 'notes', type: 'text', message: 'Notes', required: true, multiline: true, line: 12 },
      {
        name: 'tone_of_voice', type: 'select', message: 'Tone of voice', required: false, default: 'casual',
        options: [
          { name: 'formal', value: 'formal' },
          { name: 'Casual and warm', value: 'casual' },
        ],
        line: 14,
      },
      {
        name: 'wordCount', type: 'number', message: 'Word count', required: false, default: 200,
        min: 50, max: 500, line: 21,
      },
      { name: 'rhyme', type: 'boolean', message: 'Rhyme', required: false, default: false, line: 26 },
      { name: 'langs', type: 'array', message: 'Languages', required: true, min: 1, max: 3, line: 29 },
      { name: 'attachment', type: 'file', message: 'Attachment', required: true, fileType: 'text', line: 34 },
      { name: 'picture', type: 'file', message: 'Picture', required: true, fileType: 'image', line: 36 },
    ]);
  });
});

describe('parseFrontmatter: bad field specs', () => {
  const result = parseFrontmatter(...fixtureYaml('bad-fields.mdx'));

  it('reports each problem at its own line and column, in file order', () => {
    expect(result.diagnostics).toEqual([
      { severity: 'error', rule: 'frontmatter-value', line: 2, column: 8, message: '`title` must be text, e.g. `title: My workflow`' },
      { severity: 'warning', rule: 'frontmatter-key', line: 3, column: 1, message: 'unknown frontmatter key `modle`; did you mean `model`?' },
      {
        severity: 'error', rule: 'input-type', line: 6, column: 11,
        message: 'unknown input type `txt` for `topic`; did you mean `text`? Types are text, select, number, boolean, array, file',
      },
      { severity: 'error', rule: 'input-field', line: 7, column: 5, message: 'unknown setting `mesage` in input `topic`; did you mean `message`?' },
      { severity: 'error', rule: 'input-field', line: 11, column: 5, message: '`min` (10) is greater than `max` (2) for input `count`: swap them' },
      {
        severity: 'error', rule: 'input-field', line: 12, column: 5,
        message: '`options` applies only to select inputs, and `count` is a number input: remove it or set `type: select`',
      },
      {
        severity: 'error', rule: 'input-field', line: 13, column: 3,
        message: 'select input `tone` needs `options:`, a list of strings or of `{ name, value }`, e.g. `options: [formal, casual]`',
      },
      {
        severity: 'error', rule: 'input-field', line: 17, column: 21,
        message: 'option 2 of input `mood` must be a string or `{ name, value }` with string values; quote numbers, e.g. `- "3"`',
      },
      {
        severity: 'error', rule: 'input-default', line: 18, column: 14,
        message: 'default of select input `mood` must be one of its option values: `calm`, `angry`',
      },
      {
        severity: 'error', rule: 'invalid-name', line: 19, column: 3,
        message: '`2nd` in `input` is not a valid name: use letters, digits and `_`, not starting with a digit (e.g. `_2nd`)',
      },
      {
        severity: 'error', rule: 'invalid-name', line: 20, column: 3,
        message: '`$secret` cannot start with `$` (reserved for helpers such as `$index`): rename it, e.g. `secret`',
      },
      { severity: 'error', rule: 'invalid-name', line: 21, column: 3, message: '`class` in `input` is a reserved word in JavaScript: choose another name' },
      {
        severity: 'error', rule: 'input-default', line: 25, column: 14,
        message: 'default of array input `langs` has 1 item, but `min` is 2: add items or lower `min`',
      },
      {
        severity: 'error', rule: 'duplicate-name', line: 26, column: 3,
        message: '`plain` is defined in both `data` (line 31) and `input` (line 26): rename one of them',
      },
      {
        severity: 'error', rule: 'input-field', line: 26, column: 10,
        message: 'input `plain` must be a map of settings such as `type:` and `message:`, or empty for a required text input',
      },
      { severity: 'error', rule: 'input-default', line: 29, column: 14, message: 'default of boolean input `flag` must be `true` or `false`' },
    ]);
  });

  it('keeps the fields it could read, without invalid defaults or names', () => {
    expect(result.inputs.map((f) => [f.name, f.type, f.required])).toEqual([
      ['topic', 'text', true],
      ['count', 'number', true],
      ['tone', 'select', true],
      ['mood', 'select', true],
      ['langs', 'array', true],
      ['plain', 'text', true],
      ['flag', 'boolean', true],
    ]);
    expect(result.inputs.find((f) => f.name === 'mood')?.options).toEqual([
      { name: 'calm', value: 'calm' },
      { name: 'Angry', value: 'angry' },
    ]);
    expect(result.title).toBeUndefined();
  });
});

describe('parseFrontmatter: YAML errors and small cases', () => {
  it('maps a duplicate key to duplicate-key at the second key', () => {
    expect(parseFrontmatter('title: a\ntitle: b', 2).diagnostics).toEqual([
      {
        severity: 'error', rule: 'duplicate-key', line: 3, column: 1,
        message: 'duplicate key `title`: a key may appear only once in a map; remove or rename one of them',
      },
    ]);
    expect(parseFrontmatter('input:\n  t:\n    type: text\n    type: number', 5).diagnostics[0]).toEqual({
      severity: 'error', rule: 'duplicate-key', line: 8, column: 5,
      message: 'duplicate key `type`: a key may appear only once in a map; remove or rename one of them',
    });
  });

  it('reports an unclosed quote at the quote that opened it', () => {
    expect(parseFrontmatter('model: echo\ntitle: "Poems', 2)).toEqual({
      data: {},
      inputs: [],
      diagnostics: [
        {
          severity: 'error', rule: 'yaml-syntax', line: 3, column: 8,
          message: 'invalid YAML in the frontmatter: this quoted value is never closed; add the closing `"`',
        },
      ],
    });
  });

  it('explains an unquoted colon in a value', () => {
    expect(parseFrontmatter('title: Poems: a workflow', 2).diagnostics).toEqual([
      {
        severity: 'error', rule: 'yaml-syntax', line: 2, column: 8,
        message:
          'invalid YAML in the frontmatter: nested mappings are not allowed in compact mappings; quote a value that contains `: `, e.g. `title: "Poems: a workflow"`',
      },
    ]);
  });

  it('accepts an empty frontmatter and empty sections', () => {
    expect(parseFrontmatter('', 2)).toEqual({ data: {}, inputs: [], diagnostics: [] });
    expect(parseFrontmatter('# just a comment\ndata:\ninput:\n', 2)).toEqual({ data: {}, inputs: [], diagnostics: [] });
  });

  it('keeps a numeric title as written', () => {
    expect(parseFrontmatter('title: 2024.10', 2).title).toBe('2024.10');
  });

  it('rejects a frontmatter that is not a map, and non-map data and input', () => {
    expect(parseFrontmatter('- a\n- b', 2).diagnostics).toEqual([
      {
        severity: 'error', rule: 'frontmatter-value', line: 2, column: 1,
        message: 'the frontmatter must be a map of keys (title, model, data, input), e.g. `title: My workflow`',
      },
    ]);
    expect(parseFrontmatter('data: 3\ninput: [a]\nmodel: 4', 2).diagnostics).toEqual([
      {
        severity: 'error', rule: 'frontmatter-value', line: 2, column: 7,
        message: '`data` must be a map of names to values, e.g. `data: { tone: friendly }`',
      },
      {
        severity: 'error', rule: 'frontmatter-value', line: 3, column: 8,
        message: '`input` must be a map of input names to fields, e.g. `input: { topic: { type: text } }`',
      },
      { severity: 'error', rule: 'frontmatter-value', line: 4, column: 8, message: '`model` must be a model id such as `openai:gpt-4o`' },
    ]);
  });

  it('humanises input names for the default message', () => {
    const yaml = 'input:\n  target_audience:\n  URLList:\n  maxWords2:\n  x:';
    expect(parseFrontmatter(yaml, 2).inputs.map((f) => f.message)).toEqual(['Target audience', 'URL list', 'Max words2', 'X']);
  });

  it('checks number bounds and types of settings', () => {
    const yaml = [
      'input:',
      '  n:',
      '    type: number',
      '    max: 10',
      '    default: 12',
      '  m:',
      '    multiline: maybe',
      '    message: 42',
      '  f:',
      '    type: file',
      '    fileType: pdf',
      '  xs:',
      '    type: array',
      '    min: -1',
      '  e:',
      '    type: text',
      '    default:',
    ].join('\n');
    expect(parseFrontmatter(yaml, 1).diagnostics).toEqual([
      { severity: 'error', rule: 'input-default', line: 5, column: 14, message: 'default of number input `n` (12) is above its `max` (10)' },
      { severity: 'error', rule: 'input-field', line: 7, column: 16, message: '`multiline` of input `m` must be `true` or `false`' },
      {
        severity: 'error', rule: 'input-field', line: 8, column: 14,
        message: '`message` of input `m` must be text, e.g. `message: What should the poem be about?`',
      },
      { severity: 'error', rule: 'input-field', line: 11, column: 15, message: '`fileType` of input `f` must be `text` or `image`' },
      { severity: 'error', rule: 'input-field', line: 14, column: 10, message: '`min` of input `xs` must be a whole number of items, 0 or more' },
      { severity: 'error', rule: 'input-default', line: 17, column: 5, message: 'default of text input `e` is empty: give a value or remove `default:`' },
    ]);
  });
});
