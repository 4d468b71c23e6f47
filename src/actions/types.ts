// What a leaf action (GenText, GenObject, a custom action) gets to run with.
import type { ChatMessage, GenerateRequest, GenerateResult, ToolCallRequest, ToolOffer, ToolReply, Usage } from '../models/types.js';

export interface LeafContext {
  as: string;
  /** evaluated attributes, `as` excluded */
  attributes: Record<string, unknown>;
  /** resolved model id, or null for actions that need none */
  model: string | null;
  content: string;
  messages: ChatMessage[];
  signal: AbortSignal;
  generate: (request: GenerateRequest) => Promise<GenerateResult>;
  onTextDelta: (delta: string) => void;
  onPartialObject: (partial: unknown) => void;
  /** GenText/GenObject with `tools`: what to offer the model, and where its calls go */
  tools?: { offers: ToolOffer[]; maxSteps?: number; call: (call: ToolCallRequest) => Promise<ToolReply> } | null;
}

export interface LeafResult {
  output: unknown;
  usage: Usage;
}

export type LeafExecutor = (context: LeafContext) => Promise<LeafResult>;
