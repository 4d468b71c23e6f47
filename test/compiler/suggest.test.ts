import { describe, expect, it } from 'vitest';
import { suggest } from '../../src/compiler/suggest.js';
import { BUILTIN_GLOBALS } from '../../src/compiler/globals.js';

const actions = ['GenText', 'GenObject', 'Loop', 'Cond'];

describe('suggest', () => {
  it.each([
    ['peom', ['topic', 'poem'], 'poem'],
    ['GenTxt', actions, 'GenText'],
    ['Genobject', actions, 'GenObject'],
    ['gentext', actions, 'GenText'],
    ['gen_text', actions, undefined],
    ['Lop', actions, 'Loop'],
    ['Con', actions, 'Cond'],
    ['Foo', actions, undefined],
    // replacing every letter is no suggestion: a one-letter name gets none but a case change or a longer name
    ['x', ['y', 'z'], undefined],
    ['x', ['$', 'a'], undefined],
    ['x', ['X'], 'X'],
    ['x', ['xs'], 'xs'],
    ['x', ['xyz'], undefined],
    ['tittle', ['title', 'model', 'data', 'input'], 'title'],
    ['inputs', ['title', 'model', 'data', 'input'], 'input'],
    ['txt', ['text', 'select', 'number'], 'text'],
    ['poem', ['poem'], undefined],
    ['', ['a'], undefined],
    ['langs', [], undefined],
  ] as const)('%s among %j -> %s', (name, candidates, expected) => {
    expect(suggest(name, candidates)).toBe(expected);
  });

  it('prefers a case-only difference over a one-letter edit', () => {
    expect(suggest('Poem', ['poems', 'poem'])).toBe('poem');
  });

  it('breaks ties by candidate order', () => {
    expect(suggest('cat', ['bat', 'hat'])).toBe('bat');
    expect(suggest('cat', ['hat', 'bat'])).toBe('hat');
  });

  it('accepts any iterable, such as a Set of names', () => {
    expect(suggest('MAth', BUILTIN_GLOBALS)).toBe('Math');
    expect(suggest('parseInteger', new Set(['parseInt', 'parseFloat']))).toBe('parseInt');
  });

  it('allows more edits for longer names: floor(length / 3)', () => {
    expect(suggest('transltaions', ['translations'])).toBe('translations');
    expect(suggest('tarnsaltoins', ['translations'])).toBe('translations');
    expect(suggest('trnsltns', ['translations'])).toBe(undefined);
  });
});

describe('BUILTIN_GLOBALS', () => {
  it('holds exactly the standard built-ins an expression may use, and the include() helper', () => {
    expect([...BUILTIN_GLOBALS].sort()).toEqual(
      [
        'Array', 'Boolean', 'Date', 'Infinity', 'JSON', 'Math', 'NaN', 'Number', 'Object', 'String',
        'decodeURIComponent', 'encodeURIComponent', 'isFinite', 'isNaN', 'parseFloat', 'parseInt', 'undefined', 'include',
      ].sort(),
    );
  });
});
