// Reads a model's LanguageModelV3 stream directly: the provider's own code (the AI SDK's
// @ai-sdk/openai, @ai-sdk/openai-compatible, or the echo model) does the HTTP, parsing and
// error reporting; what is skipped is streamText's orchestration around it (telemetry
// spans, retries we turn off anyway, several transform streams per chunk), which cost
// more per call than the engine and more per chunk than the TUI (bench/README.md).
import type { LanguageModelV3, LanguageModelV3Prompt, LanguageModelV3Usage } from '@ai-sdk/provider';
import { callSettings } from './call-settings.js';
import { describeIssues, notJson, objectMismatch, objectValidator } from './object-validator.js';
import { streamPartError } from './to-model-error.js';
import type { ChatMessage, GenerateRequest, GenerateResult } from './types.js';

export function toLanguageModelPrompt(messages: ChatMessage[]): LanguageModelV3Prompt {
  return messages.map((message) => {
    if (message.role === 'system') {
      const text = typeof message.content === 'string' ? message.content : message.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n');
      return { role: 'system', content: text };
    }
    const parts = typeof message.content === 'string' ? [{ type: 'text' as const, text: message.content }] : message.content;
    if (message.role === 'assistant') {
      return { role: 'assistant', content: parts.flatMap((part) => (part.type === 'text' ? [{ type: 'text' as const, text: part.text }] : [])) };
    }
    return {
      role: 'user',
      content: parts.map((part) => (part.type === 'text' ? { type: 'text' as const, text: part.text } : { type: 'file' as const, data: part.image, mediaType: part.mediaType })),
    };
  });
}

function total(usage: LanguageModelV3Usage | undefined) {
  return { inputTokens: usage?.inputTokens.total ?? 0, outputTokens: usage?.outputTokens.total ?? 0 };
}

export async function streamDirect(model: LanguageModelV3, request: GenerateRequest, place: { received: number }): Promise<GenerateResult> {
  const validator = request.schema ? objectValidator(request.schema) : null;
  const partialJson = validator ? (await import('ai')).parsePartialJson : null;
  const { stream } = await model.doStream({
    prompt: toLanguageModelPrompt(request.messages),
    ...callSettings(request.options),
    responseFormat: request.schema ? { type: 'json', schema: request.schema as never, name: request.schemaName, description: request.schemaDescription } : { type: 'text' },
    abortSignal: request.signal,
  });
  let text = '';
  let reported = '';
  let usage: LanguageModelV3Usage | undefined;
  for await (const part of stream as unknown as AsyncIterable<import('@ai-sdk/provider').LanguageModelV3StreamPart>) {
    // the transport reads ahead; nothing produced after a stop should reach the UI
    if (request.signal?.aborted) break;
    if (part.type === 'error') throw streamPartError(part.error);
    if (part.type === 'finish') usage = part.usage;
    if (part.type !== 'text-delta' || !part.delta) continue;
    text += part.delta;
    place.received = text.length;
    if (!partialJson) request.onTextDelta?.(part.delta);
    else {
      const { value } = await partialJson(text);
      const serialized = JSON.stringify(value);
      if (value !== undefined && serialized !== reported) {
        reported = serialized;
        request.onPartialObject?.(value);
      }
    }
  }
  if (request.signal?.aborted) throw request.signal.reason ?? new DOMException('aborted', 'AbortError');
  if (!validator) return { output: text, usage: total(usage) };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw notJson(error);
  }
  const checked = validator.safeParse(value);
  if (!checked.success) throw objectMismatch(describeIssues(checked.error.issues));
  return { output: checked.data, usage: total(usage) };
}
