// A GenObject JSON Schema as an AI SDK schema that really validates: `jsonSchema()` alone
// trusts the model, and a wrong object must fail its step saying which field is wrong.
import { jsonSchema, type JSONSchema7, type Schema } from 'ai';
import { describeIssues, objectValidator } from './object-validator.js';

export function objectSchema(schema: Record<string, unknown>): Schema<unknown> {
  const validator = objectValidator(schema);
  return jsonSchema<unknown>(schema as JSONSchema7, {
    validate(value) {
      const result = validator.safeParse(value);
      if (result.success) return { success: true, value: result.data };
      return { success: false, error: new Error(describeIssues(result.error.issues)) };
    },
  });
}
