// Reads a model's LanguageModelV3 stream directly: the provider's own code (the AI SDK's
// @ai-sdk/openai, @ai-sdk/openai-compatible, or the echo model) does the HTTP, parsing and
// error reporting; what is skipped is streamText's orchestration around it (telemetry
// spans, retries we turn off anyway, several transform streams per chunk), which cost
// more per call than the engine and more per chunk than the TUI (bench/README.md).
import type { JSONValue, LanguageModelV3, LanguageModelV3FunctionTool, LanguageModelV3Prompt, LanguageModelV3ToolResultOutput, LanguageModelV3ToolResultPart, LanguageModelV3Usage } from '@ai-sdk/provider';
import { ModelError } from './model-error.js';
import { DEFAULT_MAX_STEPS } from '../limits.js';
import { callSettings } from './call-settings.js';
import { describeIssues, notJson, objectMismatch, objectValidator } from './object-validator.js';
import { streamPartError } from './to-model-error.js';
import { toProviderPrompt } from './to-provider-prompt.js';
import type { GenerateRequest, GenerateResult, ToolCallRequest, ToolOffer, ToolReply } from './types.js';

function total(usage: LanguageModelV3Usage | undefined) {
  return { inputTokens: usage?.inputTokens.total ?? 0, outputTokens: usage?.outputTokens.total ?? 0 };
}

type Part = import('@ai-sdk/provider').LanguageModelV3StreamPart;

/** One model call's answer: its text, the tools it called, what it cost. */
interface StepAnswer {
  text: string;
  calls: ToolCallRequest[];
  usage: { inputTokens: number; outputTokens: number };
}

/**
 * The whole generation: one model call, or with tools a loop of them. Each round the
 * model's tool calls go to `request.callTool` (which asks the author, runs the tool, or
 * refuses) and the results go back to it, until it answers without calling a tool.
 */
export async function streamDirect(model: LanguageModelV3, request: GenerateRequest, place: { received: number }): Promise<GenerateResult> {
  const validator = request.schema ? objectValidator(request.schema) : null;
  const prompt: LanguageModelV3Prompt = toProviderPrompt(request.messages);
  const tools = request.tools?.length ? request.tools.map(functionTool) : undefined;
  const maxSteps = tools ? (request.maxSteps ?? DEFAULT_MAX_STEPS) : 1;
  const usage = { inputTokens: 0, outputTokens: 0 };
  for (let step = 1; ; step++) {
    const answer = await streamStep(model, prompt, tools, request, place, validator !== null);
    usage.inputTokens += answer.usage.inputTokens;
    usage.outputTokens += answer.usage.outputTokens;
    if (!answer.calls.length) return { output: validator ? checkedObject(validator, answer.text) : answer.text, usage };
    if (step >= maxSteps || !request.callTool) {
      throw new ModelError('unknown', `the model was still calling tools after ${step} model calls (maxSteps=${maxSteps}): raise it, e.g. maxSteps={${maxSteps * 2}}, or ask for fewer calls in the prompt`, 'raise maxSteps');
    }
    prompt.push({
      role: 'assistant',
      content: [
        ...(answer.text ? [{ type: 'text' as const, text: answer.text }] : []),
        ...answer.calls.map((call) => ({ type: 'tool-call' as const, toolCallId: call.id, toolName: call.name, input: call.input })),
      ],
    });
    const results: LanguageModelV3ToolResultPart[] = [];
    for (const call of answer.calls) {
      const reply = await request.callTool(call);
      results.push({ type: 'tool-result', toolCallId: call.id, toolName: call.name, output: toolOutput(reply) });
    }
    prompt.push({ role: 'tool', content: results });
  }
}

async function streamStep(model: LanguageModelV3, prompt: LanguageModelV3Prompt, tools: LanguageModelV3FunctionTool[] | undefined, request: GenerateRequest, place: { received: number }, isObject: boolean): Promise<StepAnswer> {
  const partialJson = isObject ? (await import('ai')).parsePartialJson : null;
  const { stream } = await model.doStream({
    // a copy: the loop goes on adding to its prompt, and a provider may keep what it was given
    prompt: prompt.slice(),
    ...callSettings(request.options),
    responseFormat: request.schema ? { type: 'json', schema: request.schema as never, name: request.schemaName, description: request.schemaDescription } : { type: 'text' },
    ...(tools ? { tools, toolChoice: { type: 'auto' as const } } : {}),
    abortSignal: request.signal,
  });
  let text = '';
  let reported = '';
  let usage: LanguageModelV3Usage | undefined;
  const calls: ToolCallRequest[] = [];
  for await (const part of stream as unknown as AsyncIterable<Part>) {
    // the transport reads ahead; nothing produced after a stop should reach the UI
    if (request.signal?.aborted) break;
    if (part.type === 'error') throw streamPartError(part.error);
    if (part.type === 'finish') usage = part.usage;
    if (part.type === 'tool-call' && !part.providerExecuted) calls.push({ id: part.toolCallId, name: part.toolName, input: parseInput(part.input) });
    if (part.type !== 'text-delta' || !part.delta) continue;
    text += part.delta;
    place.received += part.delta.length;
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
  return { text, calls, usage: total(usage) };
}

function checkedObject(validator: NonNullable<ReturnType<typeof objectValidator>>, text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw notJson(error);
  }
  const checked = validator.safeParse(value);
  if (!checked.success) throw objectMismatch(describeIssues(checked.error.issues));
  return checked.data;
}

function functionTool(offer: ToolOffer): LanguageModelV3FunctionTool {
  return { type: 'function', name: offer.name, description: offer.description, inputSchema: offer.inputSchema as never };
}

/** A model's arguments are JSON text; text that is not JSON goes to the tool's check as it is. */
function parseInput(input: string): unknown {
  if (input.trim() === '') return {};
  try {
    return JSON.parse(input);
  } catch {
    return input;
  }
}

function toolOutput(reply: ToolReply): LanguageModelV3ToolResultOutput {
  const { output, error } = reply;
  if (typeof output === 'string') return { type: error ? 'error-text' : 'text', value: output };
  const value = (output === undefined ? null : output) as JSONValue;
  return { type: error ? 'error-json' : 'json', value };
}
