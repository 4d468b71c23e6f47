// Checks a GenObject result against its JSON Schema, naming the field that is wrong.
import { createRequire } from 'node:module';
import type { z } from 'zod';
import { ModelError } from './model-error.js';

// zod loads with the first GenObject, not with every run
const require = createRequire(import.meta.url);

export function objectValidator(schema: Record<string, unknown>): z.ZodType {
  try {
    const { z } = require('zod') as typeof import('zod');
    return z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
  } catch (error) {
    const hint = 'fix the GenObject schema (a JSON Schema object, e.g. `{ type: "object", properties: {...} }`)';
    const detail = error instanceof Error ? error.message : String(error);
    throw new ModelError('schema', `the GenObject schema cannot be used (${detail}): ${hint}`, hint, { cause: error });
  }
}

export const OBJECT_HINT = 'press r to retry, or make the prompt describe the expected fields';

export function objectMismatch(detail: string, cause?: unknown): ModelError {
  return new ModelError('schema', `the model's object does not match the schema: ${detail}: ${OBJECT_HINT}`, OBJECT_HINT, { cause });
}

export function notJson(cause?: unknown): ModelError {
  return new ModelError('schema', `the model did not answer with valid JSON: ${OBJECT_HINT}`, OBJECT_HINT, { cause });
}

/** `` `tags[0]`: Invalid input: expected string, received number; the object: ... `` */
export function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  const shown = issues
    .slice(0, 3)
    .map((issue) => (issue.path.length === 0 ? `the object: ${issue.message}` : `\`${fieldPath(issue.path)}\`: ${issue.message}`));
  if (issues.length > 3) shown.push(`and ${issues.length - 3} more`);
  return shown.join('; ');
}

function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`))
    .join('');
}
