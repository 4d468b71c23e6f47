// What a form field holds while the user edits it (the text as typed, or a yes/no), and
// how that becomes an input value. The rules for what is valid live in
// src/runtime/inputs.ts (coerceInput); this file only adds "empty means default or missing".
import type { InputField } from '../../src/compiler/types.js';
import { coerceInput } from '../../src/runtime/inputs.js';
import { isImageValue } from '../../src/runtime/image.js';

export type FieldValue = string | boolean;

export type FieldResult =
  /** `remembered` is what the user typed, for next time (a file's path, not its contents) */
  | { value: unknown; remembered: unknown }
  | { error: string };

/** What the field shows first: the remembered value when there is one, else the default. */
export function initialFieldValue(field: InputField, initial: Record<string, unknown>): FieldValue {
  const candidates = [initial[field.name], field.default].filter((value) => value !== undefined && value !== null);
  if (field.type === 'boolean') {
    for (const candidate of candidates) {
      const result = coerceInput(field, candidate, '.');
      if ('value' in result) return result.value as boolean;
    }
    return false;
  }
  if (field.type === 'select') {
    // A remembered option the workflow no longer offers falls back to the default.
    for (const candidate of candidates) {
      const result = coerceInput(field, candidate, '.');
      if ('value' in result) return result.value as string;
    }
    return field.options?.[0]?.value ?? '';
  }
  const value = candidates[0];
  if (value === undefined) return '';
  if (field.type === 'array' && Array.isArray(value)) return value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('\n');
  if (field.type === 'file' && isImageValue(value)) return value.path;
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Checks one field: its typed value and what to remember, or a message that says how to fix it. */
export function validateField(field: InputField, raw: FieldValue, baseDir: string): FieldResult {
  if (typeof raw === 'string' && raw.trim() === '') {
    if ('default' in field) return { value: field.default, remembered: undefined };
    if (field.required || field.type !== 'text') return { error: `\`${field.name}\` is required: ${HOW_TO_FILL[field.type]}` };
  }
  const given = field.type === 'file' && typeof raw === 'string' ? raw.trim() : raw;
  const result = coerceInput(field, given, baseDir);
  if ('error' in result) return result;
  const remembered = field.type === 'file' ? given : result.value;
  return { value: result.value, remembered };
}

const HOW_TO_FILL: Record<InputField['type'], string> = {
  text: 'type a value',
  number: 'type a number',
  boolean: 'press Space to choose yes or no',
  select: 'press ←/→ to choose an option',
  array: 'type at least one item, one per line',
  file: "type the path of a file (relative to the workflow's folder)",
};
