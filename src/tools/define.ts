// Authoring API for tools (docs/language.md §10): functions a model may call during a GenText or
// GenObject. Like custom actions they are the author's own trusted code and run in Node.
import type { z } from 'zod';

export interface ToolContext {
  /** aborted when the author cancels the step (Esc, Ctrl+C) */
  signal: AbortSignal;
  /** the same signal by the AI SDK's name, for a tool written for it (defineTool(name, tool)) */
  abortSignal: AbortSignal;
  /** the call's number within the step: `1`, `2`… */
  toolCallId: string;
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

/** Agentflow's spelling of a tool: `params` for the arguments, `invoke` to run it. */
export interface AgentflowToolDefinition<Parameters extends z.ZodType = z.ZodType> {
  name: string;
  description: string;
  params: Parameters;
  invoke: (args: z.infer<Parameters>) => unknown | Promise<unknown>;
  approve?: 'ask' | 'auto';
}

/** A tool as the AI SDK defines it (`tool({ ... })`), without a name: Agentflow names it with defineTool(name, tool). */
export interface SdkTool {
  description?: string;
  /** AI SDK 5 and later */
  inputSchema?: z.ZodType;
  /** AI SDK 4 */
  parameters?: z.ZodType;
  execute?: (args: any, options?: any) => unknown;
}

export function defineTool<Parameters extends z.ZodType>(definition: ToolDefinition<Parameters>): ToolDefinition<Parameters>;
export function defineTool<Parameters extends z.ZodType>(definition: AgentflowToolDefinition<Parameters>): ToolDefinition<Parameters>;
export function defineTool(name: string, tool: SdkTool): ToolDefinition;
export function defineTool(definition: ToolDefinition | AgentflowToolDefinition | string, tool?: SdkTool): ToolDefinition {
  if (typeof definition === 'string') {
    const { description, inputSchema, parameters, execute } = tool ?? {};
    // a missing part is reported by the config check, which names the tool and the fix
    return { name: definition, description: description as string, parameters: (inputSchema ?? parameters) as z.ZodType, execute: execute as ToolDefinition['execute'] };
  }
  return asToolDefinition(definition) as ToolDefinition;
}

/**
 * A config's tool in stepwise's spelling: Agentflow's `params`/`invoke` become
 * `parameters`/`execute`, so a tool written for Agentflow loads as it is.
 */
export function asToolDefinition(tool: unknown): unknown {
  if (!tool || typeof tool !== 'object') return tool;
  const { params, invoke, ...rest } = tool as Record<string, unknown>;
  const written = tool as Record<string, unknown>;
  if (params === undefined && invoke === undefined) return tool;
  return { ...rest, parameters: written.parameters ?? params, execute: written.execute ?? invoke };
}
