// What the model layer reads of the project's config (stepwise.config.*): its providers,
// default model, timeout and limits. Declared here, under the config room, so models/ needs
// nothing from above it; StepwiseConfig (src/config/define.ts) is a superset of this shape.
import type { HostLimits } from '../limits.js';

/** A model provider: any AI SDK provider (a function or object with languageModel), or an openai-compatible server. */
export type ProviderSetting =
  | { type: 'openai-compatible'; baseURL: string; apiKey?: string; headers?: Record<string, string> }
  | { languageModel: (modelId: string) => unknown }
  | ((modelId: string) => unknown);

export interface ModelConfig {
  providers?: Record<string, ProviderSetting>;
  defaultModel?: string;
  timeout?: number;
  limits?: Partial<HostLimits>;
}
