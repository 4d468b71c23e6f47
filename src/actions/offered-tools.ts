// A generation's `tools={[...]}` and `maxSteps={n}`, checked when the step runs (an
// expression's value is only known then; literal names were checked at compile time).
import { StepError } from './errors.js';
import type { ToolOffer } from '../models/types.js';
import { unknownToolMessage } from '../compiler/tool-names.js';
import type { ToolRegistry } from '../tools/registry.js';

export interface OfferedTools {
  names: string[];
  offers: ToolOffer[];
  maxSteps?: number;
}

/** The tools a GenText/GenObject offers, or null when it offers none. */
export function offeredTools(attributes: Record<string, unknown>, registry: ToolRegistry): OfferedTools | null {
  const { tools, maxSteps } = attributes;
  if (maxSteps !== undefined && !(typeof maxSteps === 'number' && Number.isInteger(maxSteps) && maxSteps >= 1)) {
    throw new StepError(`\`maxSteps\` must be a whole number of model calls, at least 1, e.g. maxSteps={5}; got ${JSON.stringify(maxSteps)}`);
  }
  if (tools === undefined) return null;
  if (!Array.isArray(tools) || !tools.every((name) => typeof name === 'string')) {
    throw new StepError(`\`tools\` must be a list of tool names, e.g. tools={['add']}; got ${JSON.stringify(tools)}`);
  }
  const names = [...new Set(tools as string[])];
  for (const name of names) {
    if (!registry.get(name)) throw new StepError(unknownToolMessage(name, registry.names()));
  }
  if (!names.length) return null;
  return { names, offers: registry.offers(names), ...(maxSteps !== undefined ? { maxSteps: maxSteps as number } : {}) };
}
