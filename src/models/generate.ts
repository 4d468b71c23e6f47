// One model call for GenText / GenObject through the AI SDK, streaming deltas to the
// caller and ending either with a result or with a ModelError that says what to do.
import type { LanguageModelUsage } from 'ai';
import type { ModelContext } from './registry.js';
import { resolveModel } from './registry.js';
import { streamDirect } from './direct-stream.js';
import { toModelError } from './to-model-error.js';
import { toModelMessages } from './to-model-messages.js';
import type { GenerateRequest, GenerateResult, GenerationOptions, Usage } from './types.js';

export async function generate(request: GenerateRequest, context: ModelContext = {}): Promise<GenerateResult> {
  silenceSdkWarnings();
  const place = { modelId: request.modelId, received: 0, signal: request.signal };
  try {
    const model = resolveModel(request.modelId, context);
    if (model.provider === 'echo') return await streamDirect(model, request, place);
    // loaded on the first hosted-model call: offline runs never need the SDK
    const { generateText, Output, streamText } = await import('ai');
    const { objectSchema } = await import('./object-schema.js');
    const schema = request.schema ? objectSchema(request.schema) : undefined;
    const call = {
      model,
      messages: toModelMessages(request.messages),
      // Workflows put the system prompt in the conversation on purpose; without this the
      // SDK warns on the console, which would corrupt the terminal UI.
      allowSystemInMessages: true,
      abortSignal: request.signal,
      // No silent retries: the author sees the error and retries with `r` when they choose.
      maxRetries: 0,
      ...callSettings(request.options),
    };
    const output = schema
      ? Output.object({ schema, name: request.schemaName, description: request.schemaDescription })
      : undefined;

    if (request.stream === false) {
      const result = await generateText({ ...call, output });
      return { output: schema ? result.output : result.text, usage: toUsage(result.totalUsage) };
    }

    // onError is required: without it the SDK prints stream errors with console.error.
    // Errors are read from the stream's own error parts below instead.
    const result = streamText({ ...call, output, onError: () => {} });
    let text = '';
    let lastPartial = '';
    let failure: unknown;
    for await (const part of result.fullStream) {
      // The SDK reads ahead; nothing produced after a stop should reach the UI.
      if (request.signal?.aborted) break;
      if (part.type === 'error') {
        failure ??= part.error;
      } else if (part.type === 'text-delta' && part.text) {
        text += part.text;
        place.received = text.length;
        if (!schema) request.onTextDelta?.(part.text);
        else lastPartial = await reportPartial(text, lastPartial, request.onPartialObject);
      }
    }
    if (request.signal?.aborted) throw request.signal.reason ?? new DOMException('aborted', 'AbortError');
    if (failure !== undefined) throw failure;
    const usage = toUsage(await result.totalUsage);
    return { output: schema ? await result.output : text, usage };
  } catch (error) {
    throw toModelError(error, place);
  }
}

function callSettings(options: GenerationOptions = {}) {
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

/** Calls onPartialObject when the object parsed so far changed; returns what it reported. */
async function reportPartial(text: string, last: string, onPartialObject?: (partial: unknown) => void): Promise<string> {
  const { parsePartialJson } = await import('ai');
  const { value } = await parsePartialJson(text);
  if (value === undefined) return last;
  const serialized = JSON.stringify(value);
  if (serialized === last) return last;
  onPartialObject?.(value);
  return serialized;
}

function toUsage(usage: LanguageModelUsage | undefined): Usage {
  return { inputTokens: usage?.inputTokens ?? 0, outputTokens: usage?.outputTokens ?? 0 };
}

// The SDK prints provider warnings (e.g. an unsupported setting) with console.warn unless
// this global says otherwise; anything on the console would corrupt the terminal UI.
function silenceSdkWarnings(): void {
  const global = globalThis as { AI_SDK_LOG_WARNINGS?: unknown };
  if (global.AI_SDK_LOG_WARNINGS === undefined) global.AI_SDK_LOG_WARNINGS = false;
}
