// The offline `echo` model (docs/language.md §11): a real AI SDK LanguageModelV3, so dry runs and
// tests go through exactly the same code path as a hosted model.
import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3GenerateResult,
  LanguageModelV3Message,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import { smallestValue, smallestValueSize } from './smallest-value.js';
import { DEFAULT_LIMITS, formatBytes, formatOver } from '../limits.js';
import { ModelError } from './model-error.js';

export type EchoMode = 'last' | 'all';

export interface EchoOptions {
  /** pause before each streamed chunk after the first; default: env STEPWISE_ECHO_DELAY_MS, else 15 */
  delayMs?: number;
  /** bytes one step's output may take (limits.output): a larger structured answer is refused, never built */
  outputLimit?: number;
}

const DEFAULT_DELAY_MS = 15;
const TARGET_CHUNKS = 8;

export function echoDelayFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.STEPWISE_ECHO_DELAY_MS;
  const parsed = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : DEFAULT_DELAY_MS;
}

export function createEchoModel(mode: EchoMode = 'last', options: EchoOptions = {}): LanguageModelV3 {
  const delayMs = options.delayMs ?? echoDelayFromEnv();
  const outputLimit = options.outputLimit ?? DEFAULT_LIMITS.output;
  return {
    specificationVersion: 'v3',
    provider: 'echo',
    modelId: mode,
    supportedUrls: {},

    async doGenerate(call): Promise<LanguageModelV3GenerateResult> {
      throwIfAborted(call.abortSignal);
      const reply = echoReply(mode, call, outputLimit);
      return {
        content: [{ type: 'text', text: reply }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: echoUsage(call.prompt, reply),
        warnings: [],
      };
    },

    async doStream(call) {
      throwIfAborted(call.abortSignal);
      const reply = echoReply(mode, call, outputLimit);
      const parts: LanguageModelV3StreamPart[] = [
        { type: 'stream-start', warnings: [] },
        { type: 'text-start', id: 'echo' },
        ...splitIntoChunks(reply).map((delta): LanguageModelV3StreamPart => ({ type: 'text-delta', id: 'echo', delta })),
        { type: 'text-end', id: 'echo' },
        { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: echoUsage(call.prompt, reply) },
      ];
      return { stream: streamParts(parts, delayMs, call.abortSignal) };
    },
  };
}

/** The text `echo` answers with; JSON for a call that asks for structured output. */
export function echoReply(mode: EchoMode, call: Pick<LanguageModelV3CallOptions, 'prompt' | 'responseFormat'>, outputLimit = DEFAULT_LIMITS.output): string {
  if (call.responseFormat?.type === 'json') {
    const schema = call.responseFormat.schema ?? { type: 'object' };
    const bytes = smallestValueSize(schema as Record<string, unknown>, outputLimit);
    if (bytes > outputLimit) throw tooLargeForEcho(bytes, outputLimit);
    // Pretty-printed so the reply still streams in several word-sized chunks.
    return JSON.stringify(smallestValue(schema as Record<string, unknown>), null, 2);
  }
  if (mode === 'all') {
    return call.prompt.map((message) => `[${message.role}]\n${messageText(message)}`).join('\n\n');
  }
  const lastUser = [...call.prompt].reverse().find((message) => message.role === 'user');
  return lastUser ? messageText(lastUser) : '';
}

/** Splits on word boundaries into about eight chunks that join back to the exact text. */
export function splitIntoChunks(text: string): string[] {
  const words = text.match(/^\s+|\S+\s*/g) ?? [];
  const perChunk = Math.max(1, Math.ceil(words.length / TARGET_CHUNKS));
  const chunks: string[] = [];
  for (let i = 0; i < words.length; i += perChunk) chunks.push(words.slice(i, i + perChunk).join(''));
  return chunks;
}

/** About four characters per token, rounded up: deterministic, close enough for a dry run. */
export function echoUsage(prompt: LanguageModelV3Message[], reply: string): LanguageModelV3Usage {
  const promptChars = prompt.reduce((sum, message) => sum + messageText(message).length, 0);
  const inputTokens = Math.ceil(promptChars / 4);
  const outputTokens = Math.ceil(reply.length / 4);
  return {
    inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: outputTokens, text: outputTokens, reasoning: 0 },
  };
}

function messageText(message: LanguageModelV3Message): string {
  if (typeof message.content === 'string') return message.content;
  const pieces: string[] = [];
  for (const part of message.content) {
    if (part.type === 'text') pieces.push(part.text);
    else if (part.type === 'file') {
      pieces.push(part.mediaType.startsWith('image/') ? `[image ${part.mediaType}]` : `[file ${part.mediaType}]`);
    }
  }
  return pieces.join('\n');
}

function streamParts(parts: LanguageModelV3StreamPart[], delayMs: number, signal?: AbortSignal) {
  let index = 0;
  let sentText = false;
  // highWaterMark 0: produce a chunk only when the reader asks, so an abort stops at once.
  return new ReadableStream<LanguageModelV3StreamPart>(
    {
    async pull(controller) {
      const part = parts[index++];
      if (part.type === 'text-delta') {
        // No pause before the first chunk: the reply starts at once, like a fast model.
        if (sentText && delayMs > 0) await sleep(delayMs, signal);
        sentText = true;
      }
      if (signal?.aborted) {
        controller.error(abortError());
        return;
      }
      controller.enqueue(part);
      if (index >= parts.length) controller.close();
    },
    },
    { highWaterMark: 0 },
  );
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    // Wake up on abort so the caller stops promptly instead of after the pause.
    signal?.addEventListener('abort', done, { once: true });
  });
}

function tooLargeForEcho(bytes: number, limit: number): ModelError {
  const hint = 'lower the schema\'s minimums (minLength, minItems), or raise `limits.output` in stepwise.config.ts';
  return new ModelError(
    'schema',
    `the echo model's answer for this schema would be at least ${formatOver(bytes, limit)}, over the ${formatBytes(limit)} limit for one step's output: ${hint}`,
    hint,
  );
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError();
}

function abortError(): DOMException {
  return new DOMException('The echo model was aborted.', 'AbortError');
}
