// The shape of a project's stepwise.config.{ts,mts,js,mjs} and
// `defineConfig`, its typed helper. Each part is declared by the room that uses it: actions
// (src/actions/define.ts), tools (src/tools/define.ts), providers (src/models/model-config.ts).
import type { ActionDefinition } from '../actions/define.js';
import type { HostLimits } from '../limits.js';
import type { ProviderSetting } from '../models/model-config.js';
import type { ToolDefinition } from '../tools/define.js';

export interface StepwiseConfig {
  actions?: ActionDefinition<any>[];
  /** functions a model may call: `<GenText tools={['add']} />` */
  tools?: ToolDefinition<any>[];
  /** extra providers by prefix: `{ ollama: { type: 'openai-compatible', baseURL: 'http://127.0.0.1:11434/v1' } }` */
  providers?: Record<string, ProviderSetting>;
  defaultModel?: string;
  /** seconds a model call may go without data before it fails (default 60; --timeout wins) */
  timeout?: number;
  /** host limits in bytes, over the defaults in src/limits.ts, e.g. `{ output: 8 * 1024 * 1024 }` */
  limits?: Partial<HostLimits>;
}

export function defineConfig(config: StepwiseConfig): StepwiseConfig {
  return config;
}
