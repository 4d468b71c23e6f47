// Runtime checks of evaluated attribute values (expression attributes are only known when run).
import { StepError } from './errors.js';
import type { GenerationOptions } from '../models/types.js';

const OPTION_TYPES: Record<keyof GenerationOptions, 'number' | 'array'> = {
  temperature: 'number',
  maxTokens: 'number',
  topP: 'number',
  topK: 'number',
  seed: 'number',
  stop: 'array',
  presencePenalty: 'number',
  frequencyPenalty: 'number',
};

export function optionalString(attributes: Record<string, unknown>, name: string): string | undefined {
  const value = attributes[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new StepError(`\`${name}\` must be a string, got ${JSON.stringify(value)}`);
  return value;
}

export function optionalBoolean(attributes: Record<string, unknown>, name: string): boolean | undefined {
  const value = attributes[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new StepError(`\`${name}\` must be true or false, got ${JSON.stringify(value)}: write ${name}={false}`);
  return value;
}

export function generationOptions(attributes: Record<string, unknown>): GenerationOptions | undefined {
  const value = attributes.options;
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new StepError('`options` must be an object, e.g. options={{ temperature: 0.2 }}');
  }
  const options: Record<string, unknown> = {};
  for (const [key, option] of Object.entries(value)) {
    const type = OPTION_TYPES[key as keyof GenerationOptions];
    if (!type) throw new StepError(`unknown option \`${key}\`; options are ${Object.keys(OPTION_TYPES).join(', ')}`);
    const ok = type === 'number' ? typeof option === 'number' : Array.isArray(option) && option.every((s) => typeof s === 'string');
    if (!ok) throw new StepError(`option \`${key}\` must be ${type === 'number' ? 'a number' : 'a list of strings'}`);
    options[key] = option;
  }
  return options as GenerationOptions;
}
