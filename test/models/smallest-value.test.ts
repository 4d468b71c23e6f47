import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { smallestValue } from '../../src/models/smallest-value.js';

const cases: Array<[string, Record<string, unknown>, unknown]> = [
  ['string', { type: 'string' }, ''],
  ['string with minLength', { type: 'string', minLength: 3 }, 'xxx'],
  ['date-time string', { type: 'string', format: 'date-time' }, '1970-01-01T00:00:00Z'],
  ['number', { type: 'number' }, 0],
  ['number with minimum', { type: 'number', minimum: 2.5 }, 2.5],
  ['integer with fractional minimum', { type: 'integer', minimum: 2.5 }, 3],
  ['integer with exclusiveMinimum', { type: 'integer', exclusiveMinimum: 5 }, 6],
  ['negative-only integer', { type: 'integer', maximum: -3 }, -3],
  ['multipleOf', { type: 'integer', minimum: 1, multipleOf: 5 }, 5],
  ['boolean', { type: 'boolean' }, false],
  ['enum', { enum: ['red', 'green'] }, 'red'],
  ['const', { const: 'fixed' }, 'fixed'],
  ['nullable type list', { type: ['string', 'null'] }, ''],
  ['anyOf with null first', { anyOf: [{ type: 'null' }, { type: 'number', minimum: 1 }] }, 1],
  ['array', { type: 'array', items: { type: 'string' } }, []],
  ['array with minItems', { type: 'array', items: { type: 'integer', minimum: 7 }, minItems: 2 }, [7, 7]],
  [
    'object: required only',
    {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'boolean' }, c: { type: 'number' } },
      required: ['a', 'b'],
    },
    { a: '', b: false },
  ],
  [
    'nested objects in arrays',
    {
      type: 'object',
      properties: {
        people: {
          type: 'array',
          minItems: 1,
          items: { type: 'object', properties: { name: { type: 'string', minLength: 1 }, age: { type: 'integer' } }, required: ['name', 'age'] },
        },
      },
      required: ['people'],
    },
    { people: [{ name: 'x', age: 0 }] },
  ],
  [
    '$ref into $defs',
    {
      type: 'object',
      properties: { mood: { $ref: '#/$defs/mood' } },
      required: ['mood'],
      $defs: { mood: { type: 'string', enum: ['calm', 'busy'] } },
    },
    { mood: 'calm' },
  ],
  [
    'allOf merges required fields',
    { allOf: [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, { properties: { b: { type: 'integer' } }, required: ['b'] }] },
    { a: '', b: 0 },
  ],
];

describe('smallestValue', () => {
  it.each(cases)('%s', (_name, schema, expected) => {
    const value = smallestValue(schema);
    expect(value).toEqual(expected);
    // The same validator GenObject uses must accept it.
    expect(z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]).safeParse(value).success).toBe(true);
  });
});
