// The smallest deterministic value a JSON Schema accepts: what the offline `echo` model
// answers for GenObject, so dry runs produce objects that pass validation.

type Schema = Record<string, unknown> | boolean;

// Some string formats reject "", so they get a fixed minimal sample instead.
const FORMAT_SAMPLES: Record<string, string> = {
  'date-time': '1970-01-01T00:00:00Z',
  date: '1970-01-01',
  time: '00:00:00',
  email: 'x@example.com',
  uri: 'https://example.com',
  url: 'https://example.com',
  uuid: '00000000-0000-0000-0000-000000000000',
  ipv4: '0.0.0.0',
  ipv6: '::',
  hostname: 'example.com',
};

export function smallestValue(schema: Schema, root: Schema = schema, depth = 0): unknown {
  // A self-referencing schema could recurse forever; past this depth nothing is required anyway.
  if (depth > 32 || typeof schema === 'boolean') return null;
  if (typeof schema.$ref === 'string') return smallestValue(resolveRef(schema.$ref, root), root, depth + 1);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    return smallestValue(mergeAll(schema.allOf as Schema[], schema), root, depth + 1);
  }
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(branches) && branches.length > 0) {
    const branch = branches.find((b) => !isNullSchema(b)) ?? branches[0];
    return smallestValue(branch, root, depth + 1);
  }
  switch (pickType(schema)) {
    case 'string':
      return smallestString(schema);
    case 'number':
      return smallestNumber(schema, false);
    case 'integer':
      return smallestNumber(schema, true);
    case 'boolean':
      return false;
    case 'array':
      return smallestArray(schema, root, depth);
    case 'object':
      return smallestObject(schema, root, depth);
    default:
      return null;
  }
}

function pickType(schema: Record<string, unknown>): string | undefined {
  const type = schema.type;
  // Nullable (`["string", "null"]`) takes the non-null branch: a real value says more in a dry run.
  if (Array.isArray(type)) return (type.find((t) => t !== 'null') ?? type[0]) as string | undefined;
  if (typeof type === 'string') return type;
  if (schema.properties || schema.required) return 'object';
  if (schema.items || schema.prefixItems) return 'array';
  return undefined;
}

function isNullSchema(schema: Schema): boolean {
  return typeof schema === 'object' && schema.type === 'null';
}

function resolveRef(ref: string, root: Schema): Schema {
  if (!ref.startsWith('#')) return true;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node && typeof node === 'object' ? (node as Schema) : true;
}

function mergeAll(parts: Schema[], outer: Record<string, unknown>): Schema {
  const merged: Record<string, unknown> = { ...outer, allOf: undefined };
  const properties: Record<string, unknown> = { ...((outer.properties as object) ?? {}) };
  const required = new Set<string>((outer.required as string[]) ?? []);
  for (const part of parts) {
    if (typeof part !== 'object') continue;
    Object.assign(merged, part);
    Object.assign(properties, part.properties ?? {});
    for (const name of (part.required as string[]) ?? []) required.add(name);
  }
  delete merged.allOf;
  return { ...merged, properties, required: [...required] };
}

function smallestString(schema: Record<string, unknown>): string {
  const sample = typeof schema.format === 'string' ? FORMAT_SAMPLES[schema.format] : undefined;
  if (sample !== undefined) return sample;
  return 'x'.repeat(minLengthOf(schema));
}

function minLengthOf(schema: Record<string, unknown>): number {
  return typeof schema.minLength === 'number' && schema.minLength > 0 ? Math.ceil(schema.minLength) : 0;
}

function minItemsOf(schema: Record<string, unknown>): number {
  return typeof schema.minItems === 'number' && schema.minItems > 0 ? Math.ceil(schema.minItems) : 0;
}

function smallestNumber(schema: Record<string, unknown>, integer: boolean): number {
  const num = (key: string) => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined);
  // Exclusive bounds have no smallest real number; one step past the bound is valid and stable.
  const above = (bound: number) => (integer ? Math.floor(bound) + 1 : bound + 1);
  const below = (bound: number) => (integer ? Math.ceil(bound) - 1 : bound - 1);
  const minimum = num('minimum');
  const exclusiveMinimum = num('exclusiveMinimum');
  const maximum = num('maximum');
  const exclusiveMaximum = num('exclusiveMaximum');
  let value: number;
  if (minimum !== undefined) value = minimum;
  else if (exclusiveMinimum !== undefined) value = above(exclusiveMinimum);
  else if (maximum !== undefined && maximum < 0) value = integer ? Math.floor(maximum) : maximum;
  else if (exclusiveMaximum !== undefined && exclusiveMaximum <= 0) value = below(exclusiveMaximum);
  else value = 0;
  if (integer) value = Math.ceil(value);
  const multipleOf = num('multipleOf');
  if (multipleOf !== undefined && multipleOf > 0) value = Math.ceil(value / multipleOf) * multipleOf;
  return value;
}

function smallestArray(schema: Record<string, unknown>, root: Schema, depth: number): unknown[] {
  const minItems = minItemsOf(schema);
  const prefix = (Array.isArray(schema.prefixItems) ? schema.prefixItems : Array.isArray(schema.items) ? schema.items : []) as Schema[];
  const rest = (Array.isArray(schema.items) ? true : (schema.items as Schema | undefined)) ?? true;
  const length = Math.max(minItems, prefix.length);
  return Array.from({ length }, (_, i) => smallestValue(prefix[i] ?? rest, root, depth + 1));
}

function smallestObject(schema: Record<string, unknown>, root: Schema, depth: number): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const extra = (schema.additionalProperties ?? true) as Schema;
  const result: Record<string, unknown> = {};
  for (const name of (schema.required as string[] | undefined) ?? []) {
    result[name] = smallestValue(properties[name] ?? extra, root, depth + 1);
  }
  return result;
}

/**
 * The size in bytes of smallestValue(schema) as compact JSON, worked out from the schema
 * alone: a schema asking for a huge value (`minLength: 4e8`, `minItems: 1e9`) is refused
 * before anything is built. Counting stops once past `cap` (the result is then over it).
 */
export function smallestValueSize(schema: Schema, cap = Infinity, root: Schema = schema, depth = 0): number {
  if (depth > 32 || typeof schema === 'boolean') return 4;
  if (typeof schema.$ref === 'string') return smallestValueSize(resolveRef(schema.$ref, root), cap, root, depth + 1);
  if ('const' in schema) return jsonBytes(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return jsonBytes(schema.enum[0]);
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    return smallestValueSize(mergeAll(schema.allOf as Schema[], schema), cap, root, depth + 1);
  }
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(branches) && branches.length > 0) {
    const branch = branches.find((b) => !isNullSchema(b)) ?? branches[0];
    return smallestValueSize(branch, cap, root, depth + 1);
  }
  switch (pickType(schema)) {
    case 'string': {
      const sample = typeof schema.format === 'string' ? FORMAT_SAMPLES[schema.format] : undefined;
      return (sample !== undefined ? sample.length : minLengthOf(schema)) + 2;
    }
    case 'number':
    case 'integer':
      return jsonBytes(smallestNumber(schema, pickType(schema) === 'integer'));
    case 'boolean':
      return 5;
    case 'array': {
      const prefix = (Array.isArray(schema.prefixItems) ? schema.prefixItems : Array.isArray(schema.items) ? schema.items : []) as Schema[];
      const rest = (Array.isArray(schema.items) ? true : (schema.items as Schema | undefined)) ?? true;
      const length = Math.max(minItemsOf(schema), prefix.length);
      let bytes = 2 + Math.max(0, length - 1);
      for (let i = 0; i < Math.min(length, prefix.length) && bytes <= cap; i++) bytes += smallestValueSize(prefix[i], cap - bytes, root, depth + 1);
      const others = length - Math.min(length, prefix.length);
      // one item's size times the count: exact however many are asked for
      if (others > 0) bytes += others * smallestValueSize(rest, cap, root, depth + 1);
      return bytes;
    }
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const extra = (schema.additionalProperties ?? true) as Schema;
      const names = (schema.required as string[] | undefined) ?? [];
      let bytes = 2 + Math.max(0, names.length - 1);
      for (const name of names) {
        if (bytes > cap) break;
        bytes += jsonBytes(name) + 1 + smallestValueSize(properties[name] ?? extra, cap - bytes, root, depth + 1);
      }
      return bytes;
    }
    default:
      return 4;
  }
}

function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? 'null', 'utf8');
}
