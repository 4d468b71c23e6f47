// A step's `options` attribute in the names the AI SDK (and its providers) use.
import type { GenerationOptions } from './types.js';

export function callSettings(options: GenerationOptions = {}) {
  return {
    temperature: options.temperature,
    maxOutputTokens: options.maxTokens,
    topP: options.topP,
    topK: options.topK,
    seed: options.seed,
    stopSequences: options.stop,
    presencePenalty: options.presencePenalty,
    frequencyPenalty: options.frequencyPenalty,
  };
}
