import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSandbox, type Sandbox } from '../../src/sandbox/index.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox();
});
afterAll(() => sandbox.dispose());

const schemaOf = (source: string) => sandbox.evaluate(source, {});

describe('$.z turns into JSON Schema', () => {
  test('the example from the brief', () => {
    expect(schemaOf("$.z.object({ title: $.z.string().describe('t') })")).toStrictEqual({
      type: 'object',
      properties: { title: { type: 'string', description: 't' } },
      required: ['title'],
      additionalProperties: false,
    });
  });

  test.each([
    ['$.z.string()', { type: 'string' }],
    ['$.z.number()', { type: 'number' }],
    ['$.z.integer()', { type: 'integer' }],
    ['$.z.boolean()', { type: 'boolean' }],
    ['$.z.enum(["low", "high"])', { type: 'string', enum: ['low', 'high'] }],
    ['$.z.array($.z.string())', { type: 'array', items: { type: 'string' } }],
    ['$.z.string().min(2).max(5)', { type: 'string', minLength: 2, maxLength: 5 }],
    ['$.z.number().min(0).max(1)', { type: 'number', minimum: 0, maximum: 1 }],
    ['$.z.integer().min(1)', { type: 'integer', minimum: 1 }],
    ['$.z.array($.z.number()).min(1).max(3)', { type: 'array', items: { type: 'number' }, minItems: 1, maxItems: 3 }],
    ['$.z.string().nullable()', { type: ['string', 'null'] }],
    ['$.z.enum(["a"]).nullable()', { type: ['string', 'null'], enum: ['a', null] }],
    ['$.z.boolean().describe("yes or no")', { type: 'boolean', description: 'yes or no' }],
  ])('%s', (source, expected) => {
    expect(schemaOf(source)).toStrictEqual(expected);
  });

  test('optional fields are left out of required, nested objects convert too', () => {
    expect(
      schemaOf(`$.z.object({
        title: $.z.string(),
        subtitle: $.z.string().optional(),
        tags: $.z.array($.z.object({ name: $.z.string(), weight: $.z.number().optional() })).describe("tags"),
        mood: $.z.enum(["calm", "wild"]).nullable().optional(),
      })`),
    ).toStrictEqual({
      type: 'object',
      properties: {
        title: { type: 'string' },
        subtitle: { type: 'string' },
        tags: {
          type: 'array',
          items: {
            type: 'object',
            properties: { name: { type: 'string' }, weight: { type: 'number' } },
            required: ['name'],
            additionalProperties: false,
          },
          description: 'tags',
        },
        mood: { type: ['string', 'null'], enum: ['calm', 'wild', null] },
      },
      required: ['title', 'tags'],
      additionalProperties: false,
    });
  });

  test('schemas held as values of a returned object convert as well', () => {
    expect(schemaOf('({ schema: $.z.object({ n: $.z.integer() }), name: "count" })')).toStrictEqual({
      schema: {
        type: 'object',
        properties: { n: { type: 'integer' } },
        required: ['n'],
        additionalProperties: false,
      },
      name: 'count',
    });
  });

  test('builders are immutable: chaining makes a new schema', () => {
    expect(schemaOf('(() => { const s = $.z.string(); s.optional().describe("x"); return s; })()')).toStrictEqual({
      type: 'string',
    });
  });

  test('a scope value named z does not replace $.z', () => {
    expect(sandbox.evaluate('$.z.boolean()', { $: { z: 'mine' } })).toStrictEqual({ type: 'boolean' });
  });
});

describe('misuse of $.z says how to fix it', () => {
  test.each([
    ['$.z.object({ title: "text" })', 'TypeError: $.z.object(): field "title" must be a $.z schema such as $.z.string(), not a string'],
    ['$.z.object([])', 'TypeError: $.z.object() takes an object of fields, e.g. $.z.object({ title: $.z.string() })'],
    ['$.z.array({})', 'TypeError: $.z.array(item): item must be a $.z schema such as $.z.string(), not a plain object'],
    ['$.z.enum([])', 'TypeError: $.z.enum() takes a non-empty array of strings, e.g. $.z.enum(["low", "high"])'],
    ['$.z.boolean().min(1)', 'TypeError: .min() applies to string, number, integer and array schemas, not to boolean'],
    ['$.z.string().max("3")', 'TypeError: .max() takes a number, e.g. .max(1)'],
    ['$.z.string().describe(3)', 'TypeError: .describe() takes a string, e.g. .describe("the title")'],
  ])('%s', (source, message) => {
    expect(() => schemaOf(source)).toThrow(expect.objectContaining({ kind: 'runtime', message }));
  });
});
