// Checks a GenObject result against its JSON Schema, naming the field that is wrong.
import { z } from 'zod';
import { ModelError } from './model-error.js';

export function objectValidator(schema: Record<string, unknown>): z.ZodType {
  try {
    return z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0]);
  } catch (error) {
    const hint = 'fix the GenObject schema (a JSON Schema object, e.g. `{ type: "object", properties: {...} }`)';
    const detail = error instanceof Error ? error.message : String(error);
    throw new ModelError('schema', `the GenObject schema cannot be used (${detail}): ${hint}`, hint, { cause: error });
  }
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
