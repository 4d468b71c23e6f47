import { describe, expect, it } from 'vitest';
import { editableText, editedValue } from '../../components/edit-output.js';

describe('editing an output', () => {
  it('text as is, objects as pretty JSON', () => {
    expect(editableText('a poem')).toEqual({ text: 'a poem', extension: '.md' });
    expect(editableText({ a: 1 })).toEqual({ text: '{\n  "a": 1\n}', extension: '.json' });
  });

  it('drops the newline an editor adds, parses JSON back, and says how to fix bad JSON', () => {
    expect(editedValue('a poem', 'a poem', 'my poem\n')).toEqual({ value: 'my poem' });
    expect(editedValue({ a: 1 }, '{}', '{ "a": 2 }\n')).toEqual({ value: { a: 2 } });
    const bad = editedValue({ a: 1 }, '{}', '{ a: 2 }');
    expect('error' in bad && bad.error).toMatch(/^the edit is not valid JSON \(.+\): press e to edit it again; the output is unchanged$/);
  });
});
