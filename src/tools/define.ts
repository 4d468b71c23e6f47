// Authoring API for tools (SPEC §1.9): functions a model may call during a GenText or
// GenObject. Like custom actions they are the author's own trusted code and run in Node.
import type { z } from 'zod';

export interface ToolContext {
  /** aborted when the author cancels the step (Esc, Ctrl+C) */
  signal: AbortSignal;
}

export interface ToolDefinition<Parameters extends z.ZodType = z.ZodType> {
  /** what the model calls it: letters, digits, `_` and `-` (e.g. `write_files`) */
  name: string;
  /** what it does, for the model */
  description: string;
  /** the arguments it takes, as a zod schema (usually z.object) */
  parameters: Parameters;
  /** runs the call; the returned value (a string or any JSON value) goes back to the model */
  execute: (args: z.infer<Parameters>, context: ToolContext) => unknown | Promise<unknown>;
  /**
   * `ask` (default): while the author steps through a run in the TUI, each call waits for
   * approval; `auto`: it always runs without asking.
   */
  approve?: 'ask' | 'auto';
}

export function defineTool<Parameters extends z.ZodType>(definition: ToolDefinition<Parameters>): ToolDefinition<Parameters> {
  return definition;
}
