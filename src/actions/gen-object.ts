// GenObject: a JSON value validated against the `schema` attribute (docs/language.md §6).
import { StepError } from './errors.js';
import { generationOptions, optionalString } from './attributes.js';
import type { LeafExecutor } from './types.js';

export const genObject: LeafExecutor = async (context) => {
  const schema = context.attributes.schema;
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new StepError('`schema` must be a JSON Schema object or built with $.z, e.g. schema={$.z.object({ title: $.z.string() })}');
  }
  const result = await context.generate({
    modelId: context.model!,
    messages: context.messages,
    options: generationOptions(context.attributes),
    schema: schema as Record<string, unknown>,
    schemaName: optionalString(context.attributes, 'schemaName'),
    schemaDescription: optionalString(context.attributes, 'schemaDescription'),
    signal: context.signal,
    ...(context.tools ? { tools: context.tools.offers, maxSteps: context.tools.maxSteps, callTool: context.tools.call } : {}),
    onPartialObject: context.onPartialObject,
  });
  return { output: result.output, usage: result.usage };
};
