// Authoring API for custom actions (docs/language.md §10); a config lists them (src/config/define.ts).
import type { z } from 'zod';
import type { ChatMessage } from '../models/types.js';

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

export function defineAction<Schema extends z.ZodObject>(definition: ActionDefinition<Schema>): ActionDefinition<Schema> {
  return definition;
}
