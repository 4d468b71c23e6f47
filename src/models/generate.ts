// One model call for GenText / GenObject through the AI SDK, streaming deltas to the
// caller and ending either with a result or with a ModelError that says what to do.
import type { LanguageModelUsage } from 'ai';
import type { ModelContext } from './registry.js';
import { resolveModel } from './registry.js';
import { streamDirect } from './direct-stream.js';
import { callSettings } from './call-settings.js';
import { ModelError } from './model-error.js';
import { redact, redactingStream, redactValue, rememberKnownSecrets } from './secrets.js';
import { toModelError } from './to-model-error.js';
import { toProviderPrompt } from './to-provider-prompt.js';
import type { GenerateRequest, GenerateResult, Usage } from './types.js';

export async function generate(request: GenerateRequest, context: ModelContext = {}): Promise<GenerateResult> {
  silenceSdkWarnings();
  const place = { modelId: request.modelId, received: 0, signal: request.signal };
  rememberKnownSecrets(context.env ?? process.env, context.config);
  try {
    const model = resolveModel(request.modelId, context);
    // Streaming reads the provider's own stream (the AI SDK's provider code, real HTTP):
    // streamText's orchestration around it cost more per chunk than the whole TUI (bench/README.md).
    if (request.stream !== false) return await streamRedacted(model, request, place);
    // the tool loop is ours, over the model's stream; `stream={false}` only hides the text until the end
    if (request.tools?.length) return await streamRedacted(model, { ...request, onTextDelta: undefined }, place);
    // `stream={false}`: one request, one answer, through the SDK's generateText
    const { generateText, Output } = await import('ai');
    const { objectSchema } = await import('./object-schema.js');
    const schema = request.schema ? objectSchema(request.schema) : undefined;
    const result = await generateText({
      model,
      messages: toProviderPrompt(request.messages),
      // Workflows put the system prompt in the conversation on purpose; without this the
      // SDK warns on the console, which would corrupt the terminal UI.
      allowSystemInMessages: true,
      abortSignal: request.signal,
      // No silent retries: the author sees the error and retries with `r` when they choose.
      maxRetries: 0,
      ...callSettings(request.options),
      output: schema ? Output.object({ schema, name: request.schemaName, description: request.schemaDescription }) : undefined,
    });
    return { output: redactValue(schema ? result.output : result.text), usage: toUsage(result.totalUsage) };
  } catch (error) {
    throw redactError(toModelError(error, place));
  }
}

// What the model sends enters the run (the UI, output.md, run.json) with every known key masked.
async function streamRedacted(model: Parameters<typeof streamDirect>[0], request: GenerateRequest, place: { received: number }): Promise<GenerateResult> {
  const { onTextDelta, onPartialObject } = request;
  const text = redactingStream();
  const result = await streamDirect(
    model,
    {
      ...request,
      onTextDelta: onTextDelta && ((delta) => {
        const shown = text.push(delta);
        if (shown) onTextDelta(shown);
      }),
      onPartialObject: onPartialObject && ((partial) => onPartialObject(redactValue(partial))),
    },
    place,
  );
  const rest = text.end();
  if (rest) onTextDelta?.(rest);
  return { ...result, output: redactValue(result.output) };
}

// A new error rather than an edited message: the stack, made at construction, repeats it.
function redactError(error: ModelError): ModelError {
  const message = redact(error.message);
  if (message === error.message) return error;
  return new ModelError(error.kind, message, redact(error.hint), { cause: error.cause });
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
