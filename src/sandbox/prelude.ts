// JavaScript that runs once inside each fresh QuickJS context, before any workflow code.
// It builds the `$.z` schema helper and the small functions the host calls (unpacking
// scope values, packing results), then freezes every object reachable from the global
// object so one evaluation cannot change what the next one sees (prototype pollution,
// new globals). It evaluates to a frozen object of those helpers.
export const PRELUDE = String.raw`(function () {
  'use strict';
  const { freeze, keys, create, getPrototypeOf, getOwnPropertyDescriptor, defineProperty, isFrozen } = Object;
  const ownKeys = Reflect.ownKeys;
  const isArray = Array.isArray;
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const PromiseCtor = Promise;
  const global = globalThis;
  const functionToString = Function.prototype.toString;

  function fail(message) { throw new TypeError(message); }

  // ---- $.z: a zod-like builder that turns into JSON Schema ----
  const definitions = new WeakMap();
  const BOUNDED = ['string', 'number', 'integer', 'array'];

  function definitionOf(value, what) {
    const definition = definitions.get(value);
    if (definition === undefined) fail(what + ' must be a $.z schema such as $.z.string(), not ' + describe(value));
    return definition;
  }

  function describe(value) {
    if (value === null) return 'null';
    if (isArray(value)) return 'an array';
    return typeof value === 'object' ? 'a plain object' : 'a ' + typeof value;
  }

  function derive(self, name, patch) {
    const definition = definitions.get(self);
    if (definition === undefined) fail('call .' + name + '() on a $.z schema, e.g. $.z.string().' + name + '()');
    const next = create(methods);
    definitions.set(next, freeze(Object.assign({}, definition, patch)));
    return freeze(next);
  }

  function bound(self, name, n) {
    const definition = definitions.get(self);
    if (definition !== undefined && !BOUNDED.includes(definition.kind)) {
      fail('.' + name + '() applies to string, number, integer and array schemas, not to ' + definition.kind);
    }
    if (typeof n !== 'number' || !Number.isFinite(n)) fail('.' + name + '() takes a number, e.g. .' + name + '(1)');
    return derive(self, name, name === 'min' ? { min: n } : { max: n });
  }

  const methods = {
    optional() { return derive(this, 'optional', { optional: true }); },
    nullable() { return derive(this, 'nullable', { nullable: true }); },
    describe(text) {
      if (typeof text !== 'string') fail('.describe() takes a string, e.g. .describe("the title")');
      return derive(this, 'describe', { description: text });
    },
    min(n) { return bound(this, 'min', n); },
    max(n) { return bound(this, 'max', n); },
    // JSON.stringify calls this, so a schema anywhere in a result comes out as JSON Schema
    toJSON() { return toJSONSchema(definitionOf(this, 'toJSON()')); },
  };

  function schema(definition) {
    const made = create(methods);
    definitions.set(made, freeze(definition));
    return freeze(made);
  }

  function toJSONSchema(definition) {
    let out;
    if (definition.kind === 'object') {
      const properties = {};
      const required = [];
      for (const key of keys(definition.shape)) {
        const field = definitions.get(definition.shape[key]);
        properties[key] = toJSONSchema(field);
        if (!field.optional) required.push(key);
      }
      out = { type: 'object', properties, required, additionalProperties: false };
    } else if (definition.kind === 'array') {
      out = { type: 'array', items: toJSONSchema(definitions.get(definition.item)) };
    } else if (definition.kind === 'enum') {
      out = { type: 'string', enum: definition.values.slice() };
    } else {
      out = { type: definition.kind };
    }
    const [low, high] =
      definition.kind === 'string' ? ['minLength', 'maxLength']
      : definition.kind === 'array' ? ['minItems', 'maxItems']
      : ['minimum', 'maximum'];
    if (definition.min !== undefined) out[low] = definition.min;
    if (definition.max !== undefined) out[high] = definition.max;
    if (definition.nullable) {
      out.type = [out.type, 'null'];
      if (out.enum) out.enum.push(null);
    }
    if (definition.description !== undefined) out.description = definition.description;
    return out;
  }

  const z = {
    string() { return schema({ kind: 'string' }); },
    number() { return schema({ kind: 'number' }); },
    integer() { return schema({ kind: 'integer' }); },
    boolean() { return schema({ kind: 'boolean' }); },
    array(item) {
      definitionOf(item, '$.z.array(item): item');
      return schema({ kind: 'array', item });
    },
    object(shape) {
      if (shape === null || typeof shape !== 'object' || isArray(shape) || definitions.has(shape)) {
        fail('$.z.object() takes an object of fields, e.g. $.z.object({ title: $.z.string() })');
      }
      const fields = {};
      for (const key of keys(shape)) {
        definitionOf(shape[key], '$.z.object(): field "' + key + '"');
        fields[key] = shape[key];
      }
      return schema({ kind: 'object', shape: freeze(fields) });
    },
    enum(values) {
      if (!isArray(values) || values.length === 0 || values.some((v) => typeof v !== 'string')) {
        fail('$.z.enum() takes a non-empty array of strings, e.g. $.z.enum(["low", "high"])');
      }
      return schema({ kind: 'enum', values: freeze(values.slice()) });
    },
  };

  // ---- helpers the host calls ----
  // Scope values arrive as JSON text; frozen so an expression cannot change the cached
  // copy that later evaluations reuse. Iterative: host data may be deeply nested.
  function fromJSON(text) {
    const value = parse(text);
    const todo = [value];
    while (todo.length > 0) {
      const item = todo.pop();
      if (item !== null && typeof item === 'object' && !isFrozen(item)) {
        freeze(item);
        for (const key of keys(item)) todo.push(item[key]);
      }
    }
    return value;
  }

  function notData(what) {
    return 'expressions must produce data (text, numbers, true/false, null, arrays, objects), ' +
      'but this one produced ' + what;
  }

  function check(key, value) {
    const type = typeof value;
    const where = key === '' ? '' : ' at "' + key + '"';
    if (type === 'function') fail(notData('a function' + where + '; call it, or return its result instead'));
    if (type === 'symbol') fail(notData('a symbol' + where));
    if (value instanceof PromiseCtor) fail(notData('a Promise' + where + '; async code and import() are not supported'));
    return value;
  }

  // Results leave as JSON text, so the host only ever gets fresh plain values.
  function toJSONText(value) { return stringify(value, check); }

  const plainDollar = freeze({ z: freeze(z) });
  function dollar(fields) {
    fields.z = z;
    return freeze(fields);
  }

  function sourceOf(fn) { return functionToString.call(fn); }

  // ---- fragments: <>…</> and include() (the compiler turns both into fragment() calls) ----
  // A fragment is its rendered text; it leaves the sandbox, or goes into JSON or a
  // template literal, as that text. An array of fragments is one per line.
  const fragmentTexts = new WeakMap();
  // three backticks (this prelude is itself a template literal)
  const FENCE = '\x60\x60\x60';
  const fragmentMethods = {
    toJSON() { return fragmentTexts.get(this); },
    toString() { return fragmentTexts.get(this); },
  };
  // an author takes include('rules') for text: its string methods and length work on the text
  // (.trim(), .includes(…), .split(…)), and they return plain strings
  const stringMethods = String.prototype;
  for (const key of ownKeys(stringMethods)) {
    if (typeof key !== 'string' || key === 'constructor' || key === 'toString' || key === 'length') continue;
    const method = stringMethods[key];
    if (typeof method !== 'function') continue;
    fragmentMethods[key] = function (...args) { return method.apply(fragmentTexts.get(this), args); };
  }
  defineProperty(fragmentMethods, 'length', { get() { return fragmentTexts.get(this).length; } });
  function isFragment(value) { return value !== null && typeof value === 'object' && fragmentTexts.has(value); }
  // a list of fragments, or of such lists (nested maps), is its fragments' lines in order; null when not one
  function fragmentLines(value) {
    if (isFragment(value)) return [fragmentTexts.get(value)];
    if (!isArray(value)) return null;
    const lines = [];
    for (const item of value) {
      const inner = fragmentLines(item);
      if (inner === null) return null;
      for (const line of inner) lines.push(line);
    }
    return lines;
  }

  function fragmentText(value, block) {
    if (typeof value === 'string') return value;
    if (value === null || value === undefined) return '';
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
    if (isFragment(value)) return fragmentTexts.get(value);
    // a list of fragments (even empty), walked once
    const lines = fragmentLines(value);
    if (lines !== null) return lines.join('\n');
    check('', value);
    return block ? FENCE + 'json\n' + stringify(value, check, 2) + '\n' + FENCE : stringify(value, check);
  }

  function fragment(parts, blocks) {
    let text = '';
    for (let i = 0; i < parts.length; i++) text += fragmentText(parts[i], blocks !== undefined && blocks.includes(i));
    const made = create(fragmentMethods);
    fragmentTexts.set(made, text);
    return freeze(made);
  }

  // an expression's value: a fragment, or a list of them (even empty), is its text
  function shown(value) {
    if (isFragment(value)) return fragmentTexts.get(value);
    // a list of fragments (even empty), walked once
    const lines = fragmentLines(value);
    if (lines !== null) return lines.join('\n');
    return value;
  }

  // ---- lock the realm ----
  // Building code from strings would let an expression escape the one-expression
  // wrapper (and parse arbitrarily deep code); it can only reach this realm anyway.
  function noCodeFromStrings() {
    throw new EvalError('building code from strings is not allowed in expressions; write the code directly');
  }
  noCodeFromStrings.prototype = Function.prototype;
  const functionKinds = [function () {}, async function () {}, function* () {}, async function* () {}];
  for (const example of functionKinds) {
    defineProperty(getPrototypeOf(example), 'constructor', { value: noCodeFromStrings });
  }
  global.Function = noCodeFromStrings;
  global.eval = noCodeFromStrings;

  function harden(root) {
    const seen = new Set();
    const todo = [root];
    while (todo.length > 0) {
      const item = todo.pop();
      if (item === null || (typeof item !== 'object' && typeof item !== 'function') || seen.has(item)) continue;
      seen.add(item);
      freeze(item);
      todo.push(getPrototypeOf(item));
      for (const key of ownKeys(item)) {
        const property = getOwnPropertyDescriptor(item, key);
        if ('value' in property) todo.push(property.value);
        else todo.push(property.get, property.set);
      }
    }
  }

  const helpers = { plainDollar, dollar, fromJSON, toJSONText, sourceOf, fragment, shown };
  harden(global);
  harden(helpers);
  harden(methods);
  harden(fragmentMethods);
  return helpers;
})()`;
