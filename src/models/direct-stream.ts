// Reads a LanguageModelV3 stream directly, for the built-in offline `echo` model. The AI
// SDK's orchestration around a stream (telemetry, retries, stream transforms) costs more
// per call than the whole engine, and echo needs none of it (bench/README.md: engine
// overhead). Hosted models always go through the SDK (generate.ts).
import type { LanguageModelV3, LanguageModelV3Prompt, LanguageModelV3Usage } from '@ai-sdk/provider';
import { ModelError } from './model-error.js';
import { describeIssues, objectValidator } from './object-validator.js';
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
    responseFormat: request.schema ? { type: 'json', schema: request.schema as never, name: request.schemaName, description: request.schemaDescription } : { type: 'text' },
    abortSignal: request.signal,
  });
  let text = '';
  let reported = '';
  let usage: LanguageModelV3Usage | undefined;
  for await (const part of stream as unknown as AsyncIterable<import('@ai-sdk/provider').LanguageModelV3StreamPart>) {
    if (part.type === 'error') throw part.error;
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
  if (!validator) return { output: text, usage: total(usage) };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ModelError('schema', 'the model did not answer with JSON: press r to retry', 'press r to retry');
  }
  const checked = validator.safeParse(value);
  if (!checked.success) {
    const hint = 'press r to retry, or loosen the schema';
    throw new ModelError('schema', `the object does not match the schema: ${describeIssues(checked.error.issues)}; ${hint}`, hint);
  }
  return { output: checked.data, usage: total(usage) };
}
