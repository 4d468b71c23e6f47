// Custom actions' attribute specs for the compiler, read off their zod schemas.
import { createRequire } from 'node:module';
import type { ActionDefinition } from './define.js';

// zod is needed only when the config defines actions: load it then, not at every start
const require = createRequire(import.meta.url);

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

/** `config`: the project's config (only its `actions` are read). */
export function customActionSpecs(config?: { actions?: ActionDefinition<any>[] } | null): Record<string, CustomActionSpec> {
  const specs: Record<string, CustomActionSpec> = {};
  if (!config?.actions?.length) return specs;
  const { z } = require('zod') as typeof import('zod');
  for (const definition of config.actions) {
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
