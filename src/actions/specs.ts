// Custom actions' attribute specs for the compiler, read off their zod schemas.
import { z } from 'zod';
import type { StepwiseConfig } from './define.js';

type AttributeType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'any';

export interface CustomActionSpec {
  attributes: Record<string, { type: AttributeType; required?: boolean }>;
}

function attributeType(schema: Record<string, unknown>): AttributeType {
  const type = schema.type;
  if (type === 'string' || type === 'boolean' || type === 'object' || type === 'array') return type;
  if (type === 'number' || type === 'integer') return 'number';
  return 'any';
}

export function customActionSpecs(config?: StepwiseConfig | null): Record<string, CustomActionSpec> {
  const specs: Record<string, CustomActionSpec> = {};
  for (const definition of config?.actions ?? []) {
    let json: Record<string, unknown> = {};
    try {
      json = z.toJSONSchema(definition.schema, { unrepresentable: 'any' }) as Record<string, unknown>;
    } catch {
      // a schema JSON Schema cannot express: every attribute is checked when the action runs
    }
    const properties = (json.properties ?? {}) as Record<string, Record<string, unknown>>;
    const required = new Set((json.required as string[] | undefined) ?? []);
    const attributes: CustomActionSpec['attributes'] = {};
    for (const [name, property] of Object.entries(properties)) attributes[name] = { type: attributeType(property), required: required.has(name) };
    specs[definition.name] = { attributes };
  }
  return specs;
}
