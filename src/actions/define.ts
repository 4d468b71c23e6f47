// Authoring API for custom actions and stepwise.config.* files (docs/language.md §10).
import type { z } from 'zod';
import type { ChatMessage } from '../models/types.js';
import type { HostLimits } from '../limits.js';
import type { ToolDefinition } from '../tools/define.js';

export interface ActionContext<Props> {
  /** the element's attributes, validated by the action's schema */
  props: Props;
  /** the step's rendered content (the prompt text before the action) */
  content: string;
  /** the conversation so far, exactly as a generation action would send it */
  messages: ChatMessage[];
  signal: AbortSignal;
  /** stream text into the UI */
  write: (chunk: string) => void;
}

export interface ActionDefinition<Schema extends z.ZodObject = z.ZodObject> {
  /** the element name, e.g. `WebSearch` (written `<WebSearch as="..." />` or `<web-search>`) */
  name: string;
  /** attributes other than `as` */
  schema: Schema;
  execute: (context: ActionContext<z.infer<Schema>>) => unknown | Promise<unknown>;
}

/** A model provider: any AI SDK provider (a function or object with languageModel), or an openai-compatible server. */
export type ProviderSetting =
  | { type: 'openai-compatible'; baseURL: string; apiKey?: string; headers?: Record<string, string> }
  | { languageModel: (modelId: string) => unknown }
  | ((modelId: string) => unknown);

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

export function defineAction<Schema extends z.ZodObject>(definition: ActionDefinition<Schema>): ActionDefinition<Schema> {
  return definition;
}

export function defineConfig(config: StepwiseConfig): StepwiseConfig {
  return config;
}
