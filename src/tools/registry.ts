// The project's tools by name (from stepwise.config's `tools`): what the compiler checks
// `tools={[...]}` against, and what a generation offers the model.
import { createRequire } from 'node:module';
import type { ToolOffer } from '../models/types.js';
import { asToolDefinition, type ToolDefinition } from './define.js';

// zod is needed only when the config defines tools: load it then, not at every start
const require = createRequire(import.meta.url);

const NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** The names the compiler accepts in `tools={[...]}`. */
export function toolNames(config?: { tools?: ToolDefinition<any>[] } | null): string[] {
  return (config?.tools ?? []).map((tool) => tool.name);
}

/** What is wrong with a config's `tools`, saying how to fix it; null when nothing is. */
export function toolsConfigProblem(tools: unknown): string | null {
  if (tools === undefined) return null;
  if (!Array.isArray(tools)) return '`tools` must be a list of defineTool(...) results';
  const seen = new Set<string>();
  for (const [i, tool] of tools.entries()) {
    const t = asToolDefinition(tool) as Record<string, unknown> | null;
    const parameters = t?.parameters as { safeParse?: unknown } | undefined;
    if (!t || typeof t.name !== 'string' || typeof t.execute !== 'function' || typeof t.description !== 'string' || typeof parameters?.safeParse !== 'function') {
      return `tools[${i}] must be defineTool({ name, description, parameters, execute }) with a name, a description, a zod schema and an execute function`;
    }
    if (!NAME.test(t.name)) return `tool name \`${t.name}\` must be 1 to 64 letters, digits, \`_\` or \`-\` (models accept nothing else), e.g. \`write_files\``;
    if (seen.has(t.name)) return `two tools are named \`${t.name}\`: give each tool its own name`;
    if (t.approve !== undefined && t.approve !== 'ask' && t.approve !== 'auto') return `tool \`${t.name}\`: \`approve\` must be 'ask' or 'auto'`;
    seen.add(t.name);
  }
  return null;
}

export class ToolRegistry {
  private readonly byName: Map<string, ToolDefinition<any>>;
  private readonly schemas = new Map<string, Record<string, unknown>>();

  constructor(tools: ToolDefinition<any>[] = []) {
    this.byName = new Map(tools.map((tool) => asToolDefinition(tool) as ToolDefinition<any>).map((tool) => [tool.name, tool]));
  }

  get(name: string): ToolDefinition<any> | undefined {
    return this.byName.get(name);
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  /** What the model is told of each tool: name, description and the JSON Schema of its arguments. */
  offers(names: string[]): ToolOffer[] {
    return names.map((name) => {
      const tool = this.byName.get(name)!;
      return { name, description: tool.description, inputSchema: this.schema(tool) };
    });
  }

  private schema(tool: ToolDefinition<any>): Record<string, unknown> {
    let schema = this.schemas.get(tool.name);
    if (!schema) {
      const { $schema: _dialect, ...rest } = jsonSchemaOf(tool.parameters);
      schema = rest;
      this.schemas.set(tool.name, schema);
    }
    return schema;
  }
}

/**
 * The JSON Schema of a tool's zod parameters. A zod 3 schema (a tool written for Agentflow, in a
 * project on zod 3, or `zod/v3`) has no `_zod`: zod 4's converter cannot read it, the AI SDK's can.
 */
function jsonSchemaOf(parameters: unknown): Record<string, unknown> {
  if (parameters !== null && typeof parameters === 'object' && !('_zod' in parameters)) {
    const { zodSchema } = require('ai') as typeof import('ai');
    return zodSchema(parameters as never).jsonSchema as Record<string, unknown>;
  }
  const { z } = require('zod') as typeof import('zod');
  return z.toJSONSchema(parameters as import('zod').ZodType, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
