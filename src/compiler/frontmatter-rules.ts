// What the frontmatter allows (docs/language.md §2) and how its problems are worded: the known keys,
// input types and settings, reserved names, the checks on a default value, and the YAML
// parser's messages made into advice.
import type { InputField, InputType } from './types.js';

export const TOP_KEYS = ['title', 'model', 'data', 'input'];
export const INPUT_TYPES: InputType[] = ['text', 'select', 'number', 'boolean', 'array', 'file'];
export const FIELD_KEYS = ['type', 'message', 'default', 'multiline', 'options', 'min', 'max', 'fileType'];
/** Field keys that only make sense for some input types. */
export const KEY_TYPES: Record<string, InputType[]> = {
  multiline: ['text'],
  options: ['select'],
  min: ['number', 'array'],
  max: ['number', 'array'],
  fileType: ['file'],
};
/** Why `__proto__` is no name: on a plain object it sets the prototype, and the value is lost. */
export const PROTO_PROBLEM = 'is the prototype of every JavaScript object, so a value of that name would be lost: choose another name';

export const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false ' +
    'finally for function if import in instanceof new null return super switch this throw true try ' +
    'typeof var void while with yield let static implements interface package private protected public await')
    .split(' '),
);

/** Why `value` cannot be the default of `field`, or undefined when it can. */
export function defaultProblem(field: InputField, value: unknown): string | undefined {
  if (value === null) return 'is empty: give a value or remove `default:`';
  switch (field.type) {
    case 'text':
      return typeof value === 'string' ? undefined : 'must be text: quote it, e.g. `default: "5"`';
    case 'file':
      return typeof value === 'string' ? undefined : 'must be a file path, e.g. `default: notes.txt`';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be `true` or `false`';
    case 'select': {
      if (!field.options) return undefined;
      const values = field.options.map((o) => o.value);
      if (typeof value === 'string' && values.includes(value)) return undefined;
      return `must be one of its option values: ${values.map((v) => `\`${v}\``).join(', ')}`;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number, e.g. `default: 3`';
      if (field.min !== undefined && value < field.min) return `(${value}) is below its \`min\` (${field.min})`;
      if (field.max !== undefined && value > field.max) return `(${value}) is above its \`max\` (${field.max})`;
      return undefined;
    case 'array': {
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
        return 'must be a list of strings, e.g. `default: [English, French]`';
      }
      const count = `${value.length} item${value.length === 1 ? '' : 's'}`;
      if (field.min !== undefined && value.length < field.min) return `has ${count}, but \`min\` is ${field.min}: add items or lower \`min\``;
      if (field.max !== undefined && value.length > field.max) return `has ${count}, but \`max\` is ${field.max}: remove items or raise \`max\``;
      return undefined;
    }
  }
}

/** The YAML parser's message, without its position suffix, plus how to fix the usual causes. */
export function yamlMessage(code: string, message: string): string {
  let text = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?\s*$/, '');
  const quote = /^Missing closing (["'])quote/.exec(text)?.[1];
  if (quote) return `invalid YAML in the frontmatter: this quoted value is never closed; add the closing \`${quote}\``;
  text = text.charAt(0).toLowerCase() + text.slice(1);
  const hints: Record<string, string> = {
    MISSING_CHAR: 'add the missing closing character',
    BLOCK_AS_IMPLICIT_KEY: 'quote a value that contains `: `, e.g. `title: "Poems: a workflow"`',
    MULTILINE_IMPLICIT_KEY: 'check the indentation: a key and its value start on one line, nested keys are indented under their parent',
    BAD_INDENT: 'check the indentation and close any `[` or `{`',
    BAD_SCALAR_START: 'quote the value',
    TAB_AS_INDENT: 'indent with spaces, not tabs',
    UNEXPECTED_TOKEN: 'remove it or quote the value',
  };
  return `invalid YAML in the frontmatter: ${text}; ${hints[code] ?? 'fix the YAML syntax here'}`;
}

/** `targetAudience` / `target_audience` -> "Target audience"; acronyms keep their case. */
export function humanise(name: string): string {
  const words = name
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[\s_\-]+/)
    .filter(Boolean)
    .map((word) => (word.length > 1 && word === word.toUpperCase() ? word : word.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function camelCase(name: string): string {
  const cleaned = name.replace(/[^\p{ID_Continue}]+(.)?/gu, (_, c: string | undefined) => (c ? c.toUpperCase() : ''));
  return /^\p{ID_Start}|^_/u.test(cleaned) ? cleaned : `_${cleaned}`;
}
