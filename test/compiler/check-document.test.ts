import { describe, expect, it } from 'vitest';
import { checkDocument, compile } from '../../src/compiler/index.js';
import { compileFixture } from './compile-helpers.js';

describe('checkDocument', () => {
  it('lists top-level phases and actions, inputs with defaults, and ok', () => {
    const result = compileFixture('valid/nested-loop.mdx');
    expect(checkDocument('nested-loop.mdx', result)).toEqual({
      file: 'nested-loop.mdx',
      ok: true,
      title: 'nested-loop',
      description: null,
      inputs: [
        { name: 'topics', type: 'array', default: ['cats', 'dogs'] },
        { name: 'langs', type: 'array', default: ['German', 'French'] },
      ],
      phases: [
        {
          line: 12,
          actions: [
            { action: 'Loop', as: 'poems', line: 12 },
            { action: 'GenText', as: 'summary', line: 28 },
          ],
        },
      ],
      diagnostics: [],
    });
  });

  it('is not ok with an error, but ok with only warnings', () => {
    expect(checkDocument('a.mdx', compileFixture('invalid/unknown-name.mdx')).ok).toBe(false);
    expect(checkDocument('a.mdx', compileFixture('invalid/missing-model.mdx')).ok).toBe(true);
  });

  it('keeps the description out of the phases', () => {
    const document = checkDocument('d.mdx', compileFixture('valid/description.mdx'));
    expect(document.description).toBe('# Cat poems\n\nThis workflow writes a poem about {topic}, then improves it.');
    expect(document.phases).toEqual([{ line: 14, actions: [{ action: 'GenText', as: 'poem', line: 16 }] }]);
  });

  it('reports a parse error with the file name as title and no phases', () => {
    const result = compile('Write a {poem\n', 'flows/broken.mdx');
    expect(result.workflow).toBeNull();
    const document = checkDocument('flows/broken.mdx', result);
    expect(document).toMatchObject({ file: 'flows/broken.mdx', ok: false, title: 'broken', description: null, inputs: [], phases: [] });
    expect(document.diagnostics).toHaveLength(1);
    expect(document.diagnostics[0]!.rule).toBe('mdx-syntax');
  });
});
