// smallestValueSize: the size of echo's answer, known before it is built.
import { describe, expect, it } from 'vitest';
import { smallestValue, smallestValueSize } from '../../src/models/smallest-value.js';

describe('smallestValueSize', () => {
  it("is the byte length of smallestValue's compact JSON", () => {
    const schemas: Array<Record<string, unknown>> = [
      { type: 'string', minLength: 12 },
      { type: 'string', format: 'email' },
      { type: 'integer', minimum: 42 },
      { type: 'boolean' },
      { type: 'array', items: { type: 'string', minLength: 2 }, minItems: 5 },
      { type: 'array', prefixItems: [{ type: 'number' }, { const: 'é' }], minItems: 3 },
      { type: 'object', properties: { a: { type: 'string' }, b: { enum: ['x', 'y'] }, c: { type: 'null' } }, required: ['a', 'b', 'c'] },
      { $defs: { item: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] } }, type: 'array', items: { $ref: '#/$defs/item' }, minItems: 2 },
      { anyOf: [{ type: 'null' }, { type: 'string', minLength: 3 }] },
    ];
    for (const schema of schemas) {
      expect(smallestValueSize(schema), JSON.stringify(schema)).toBe(Buffer.byteLength(JSON.stringify(smallestValue(schema))));
    }
  });

  it('works out huge sizes from the schema alone', () => {
    expect(smallestValueSize({ type: 'string', minLength: 4e8 })).toBe(4e8 + 2);
    expect(smallestValueSize({ type: 'array', items: { type: 'string' }, minItems: 1e9 })).toBe(3e9 + 1);
    expect(smallestValueSize({ type: 'array', items: { type: 'array', items: { type: 'string' }, minItems: 1e9 }, minItems: 1e9 }, 4e6)).toBeGreaterThan(4e6);
  });
});
