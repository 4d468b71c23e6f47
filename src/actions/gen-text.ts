// GenText: the model's reply as text (docs/language.md §6).
import { generationOptions, optionalBoolean } from './attributes.js';
import type { LeafExecutor } from './types.js';

export const genText: LeafExecutor = async (context) => {
  const result = await context.generate({
    modelId: context.model!,
    messages: context.messages,
    options: generationOptions(context.attributes),
    stream: optionalBoolean(context.attributes, 'stream') ?? true,
    signal: context.signal,
    ...(context.tools ? { tools: context.tools.offers, maxSteps: context.tools.maxSteps, callTool: context.tools.call } : {}),
    onTextDelta: context.onTextDelta,
  });
  return { output: result.output, usage: result.usage };
};
