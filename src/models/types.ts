// What the engine hands a model and what it gets back. Plain data only.

export type ContentPart =
  | { type: 'text'; text: string }
  /** image: base64 data (no data: prefix) and its media type, e.g. image/png */
  | { type: 'image'; image: string; mediaType: string };

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string | ContentPart[];
}

export interface GenerationOptions {
  temperature?: number;
  maxTokens?: number;
  topP?: number;
  topK?: number;
  seed?: number;
  stop?: string[];
  presencePenalty?: number;
  frequencyPenalty?: number;
}

export interface Usage {
  inputTokens: number;
  outputTokens: number;
}

export interface GenerateRequest {
  /** `provider:model`, e.g. `openai:gpt-4o`, `echo`, `echo:all` */
  modelId: string;
  messages: ChatMessage[];
  options?: GenerationOptions;
  /** stream text deltas (GenText `stream`, default true) */
  stream?: boolean;
  /** GenObject: a JSON Schema object; the result is validated against it */
  schema?: Record<string, unknown>;
  schemaName?: string;
  schemaDescription?: string;
  signal?: AbortSignal;
  onTextDelta?: (delta: string) => void;
  onPartialObject?: (partial: unknown) => void;
  /** tools offered to the model; its calls go to `callTool` and the answers back to it */
  tools?: ToolOffer[];
  /** how many model calls the tool loop may make (default 10) */
  maxSteps?: number;
  callTool?: (call: ToolCallRequest) => Promise<ToolReply>;
}

/** A tool as the model is told of it. */
export interface ToolOffer {
  name: string;
  description: string;
  /** JSON Schema of its arguments */
  inputSchema: Record<string, unknown>;
}

/** A call the model made: its id, the tool's name and the arguments (parsed JSON, or the raw text when it is not JSON). */
export interface ToolCallRequest {
  id: string;
  name: string;
  input: unknown;
}

/** What goes back to the model as the call's result; `error` when the call did not run as asked. */
export interface ToolReply {
  output: unknown;
  error?: boolean;
}

export interface GenerateResult {
  /** the text (GenText) or the validated object (GenObject) */
  output: unknown;
  usage: Usage;
}
