// Turns raw input values (command line strings, an inputs file, the form) into typed
// values, with a message per bad or missing input that says how to fix it.
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { InputField } from '../compiler/types.js';
import type { ImageValue } from './image.js';

export interface InputProblem {
  name: string;
  message: string;
  /** a required input nobody gave (the TUI asks for it; headless stops) */
  missing?: true;
}

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

/** One input's value from what the user gave (a string from a prompt or the command line, or a JSON value). */
export function coerceInput(field: InputField, raw: unknown, baseDir: string): { value: unknown } | { error: string } {
  switch (field.type) {
    case 'text':
      return typeof raw === 'string' ? { value: raw } : { value: typeof raw === 'object' ? JSON.stringify(raw) : String(raw) };
    case 'number': {
      const value = typeof raw === 'number' ? raw : Number(String(raw).trim());
      if (String(raw).trim() === '' || !Number.isFinite(value)) return { error: `\`${field.name}\` must be a number, got ${JSON.stringify(raw)}` };
      if (field.min !== undefined && value < field.min) return { error: `\`${field.name}\` must be at least ${field.min}, got ${value}` };
      if (field.max !== undefined && value > field.max) return { error: `\`${field.name}\` must be at most ${field.max}, got ${value}` };
      return { value };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw };
      const text = String(raw).trim().toLowerCase();
      if (['true', 'yes', 'y', '1', 'on'].includes(text)) return { value: true };
      if (['false', 'no', 'n', '0', 'off'].includes(text)) return { value: false };
      return { error: `\`${field.name}\` must be true or false (or yes/no), got ${JSON.stringify(raw)}` };
    }
    case 'select': {
      const options = field.options ?? [];
      const text = String(raw);
      const match = options.find((option) => option.value === text) ?? options.find((option) => option.name === text);
      if (!match) return { error: `\`${field.name}\` must be one of ${options.map((o) => o.value).join(', ')}, got ${JSON.stringify(raw)}` };
      return { value: match.value };
    }
    case 'array': {
      let items: unknown[];
      if (Array.isArray(raw)) items = raw;
      else {
        const text = String(raw).trim();
        if (text.startsWith('[')) {
          try {
            const parsed = JSON.parse(text);
            items = Array.isArray(parsed) ? parsed : [text];
          } catch {
            return { error: `\`${field.name}\` looks like a JSON array but is not valid JSON: ${text}` };
          }
        } else items = text.split('\n').map((line) => line.trim()).filter(Boolean);
      }
      const values = items.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
      if (field.min !== undefined && values.length < field.min) return { error: `\`${field.name}\` needs at least ${field.min} item(s), got ${values.length}` };
      if (field.max !== undefined && values.length > field.max) return { error: `\`${field.name}\` takes at most ${field.max} item(s), got ${values.length}` };
      return { value: values };
    }
    case 'file': {
      const path = resolve(baseDir, String(raw));
      try {
        if (field.fileType === 'image') {
          const mediaType = IMAGE_TYPES[extname(path).toLowerCase()];
          if (!mediaType) return { error: `\`${field.name}\` must be a .png, .jpg, .gif or .webp image, got ${raw}` };
          const image: ImageValue = { kind: 'image', path, mediaType, data: readFileSync(path).toString('base64') };
          return { value: image };
        }
        return { value: readFileSync(path, 'utf8') };
      } catch (error) {
        return { error: `\`${field.name}\`: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
      }
    }
  }
}

export function missingInputMessage(field: InputField): string {
  if (field.type === 'file' && 'default' in field) {
    // only a default file that cannot be read leaves a defaulted input without a value
    return `input \`${field.name}\`: its default file \`${String(field.default)}\` cannot be read (paths are relative to the workflow's folder): create it, fix the default, or pass --input ${field.name}=PATH`;
  }
  return `missing input \`${field.name}\` (${field.message}): pass --input ${field.name}=...`;
}

/**
 * All inputs: given values win, then defaults; a required input with no value is a problem
 * naming it. `raw` maps names to strings (repeated `--input` gives arrays) or JSON values.
 * Given file paths are read from `baseDir` (where the command runs); a `file` input's
 * default is a path written in the workflow, so it is read from `workflowDir`, as the
 * TUI's form reads it. A default file that cannot be read counts as missing.
 */
export function resolveInputs(
  fields: InputField[],
  raw: Record<string, unknown>,
  baseDir: string,
  workflowDir: string = baseDir,
): { values: Record<string, unknown>; problems: InputProblem[] } {
  const values: Record<string, unknown> = {};
  const problems: InputProblem[] = [];
  for (const field of fields) {
    if (!(field.name in raw) || raw[field.name] === undefined) {
      const fromDefault = 'default' in field && field.type === 'file' ? coerceInput(field, field.default, workflowDir) : { value: field.default };
      if ('default' in field && 'value' in fromDefault) values[field.name] = fromDefault.value;
      else problems.push({ name: field.name, missing: true, message: missingInputMessage(field) });
      continue;
    }
    const result = coerceInput(field, raw[field.name], baseDir);
    if ('error' in result) problems.push({ name: field.name, message: result.error });
    else values[field.name] = result.value;
  }
  const known = new Set(fields.map((field) => field.name));
  for (const name of Object.keys(raw)) {
    if (!known.has(name)) problems.push({ name, message: `unknown input \`${name}\`: this workflow's inputs are ${[...known].join(', ') || '(none)'}` });
  }
  return { values, problems };
}

/** `--input name=value` pairs; a repeated name collects an array. */
export function parseInputPairs(pairs: string[]): { raw: Record<string, unknown>; problems: InputProblem[] } {
  const raw: Record<string, unknown> = {};
  const problems: InputProblem[] = [];
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) {
      problems.push({ name: pair, message: `--input takes name=value, got ${JSON.stringify(pair)}` });
      continue;
    }
    const name = pair.slice(0, equals);
    const value = pair.slice(equals + 1);
    const existing = raw[name];
    raw[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return { raw, problems };
}

/**
 * The inputs a (possibly changed) workflow runs with: the values it already has for its
 * declared inputs, else their defaults. `missing` names the required inputs with neither,
 * e.g. one added to the file while the TUI is open.
 */
export function inputsForWorkflow(fields: InputField[], current: Record<string, unknown>): { values: Record<string, unknown>; missing: string[] } {
  const values: Record<string, unknown> = {};
  const missing: string[] = [];
  for (const field of fields) {
    if (Object.hasOwn(current, field.name) && current[field.name] !== undefined) values[field.name] = current[field.name];
    else if ('default' in field) values[field.name] = field.default;
    else missing.push(field.name);
  }
  return { values, missing };
}

/** What a step says when it reads an input that has no value yet (the TUI's `i` opens the form). */
export function newInputMessage(name: string): string {
  return `new input \`${name}\` has no value: press i to enter it`;
}
