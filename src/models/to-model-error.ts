// Whatever the AI SDK, fetch or a provider threw -> a ModelError that says what happened
// and what the author can do about it.
// Error classes from @ai-sdk/provider, not `ai`: this module loads with the engine, and
// `ai` costs start-up time that a streaming run never needs. The two errors only `ai`
// defines are recognised by the SDK's own marker, the same test their isInstance makes.
import { APICallError, JSONParseError, TypeValidationError } from '@ai-sdk/provider';
import { ModelError } from './model-error.js';
import { notJson, OBJECT_HINT, objectMismatch } from './object-validator.js';

export interface ErrorPlace {
  modelId: string;
  /** characters of the reply received before the error */
  received: number;
  signal?: AbortSignal;
}

const RETRY = 'press r to retry';

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found',
  ETIMEDOUT: 'timed out',
  UND_ERR_CONNECT_TIMEOUT: 'timed out',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

export function toModelError(error: unknown, place: ErrorPlace): ModelError {
  // ours, possibly wrapped by the SDK: a timeout from timed-fetch.ts, an unreadable event
  const own = causeOfType(error, ModelError);
  if (own) return own;
  if (hasSdkMarker(error, 'AI_RetryError')) return toModelError((error as { lastError?: unknown }).lastError, place);
  if (place.signal?.aborted || isAbort(error)) {
    return new ModelError('aborted', 'the generation was stopped', 'press r to run it again', { cause: error });
  }
  if (hasSdkMarker(error, 'AI_NoObjectGeneratedError')) return objectError(error);
  if (APICallError.isInstance(error)) return apiCallError(error, place);
  if (TypeValidationError.isInstance(error) || JSONParseError.isInstance(error)) return objectError(error);
  if (isNetworkBreak(error)) return streamBroke(error, place);
  const detail = providerMessage(error);
  if (!(error instanceof Error)) {
    // A plain `{ message }` value is an error chunk the provider sent inside its stream.
    return new ModelError('server', `the provider reported an error (${detail}): ${RETRY}`, RETRY, { cause: error });
  }
  return new ModelError('unknown', `the model call failed (${detail}): ${RETRY}`, RETRY, { cause: error });
}

function apiCallError(error: APICallError, place: ErrorPlace): ModelError {
  const status = error.statusCode;
  const detail = error.message ? `${status} ${error.message}` : `${status}`;
  if (status === undefined) return connectionError(error, place);
  if (status < 300) {
    // The request succeeded and reading the answer failed: the connection dropped mid-reply.
    if (isNetworkBreak(error.cause)) return streamBroke(error, place);
    const detail = providerMessage(error.cause ?? error);
    return new ModelError('stream', `the provider's answer could not be read (${detail}): ${RETRY}`, RETRY, { cause: error });
  }
  if (status === 401 || status === 403) {
    const hint = keyHint(place.modelId);
    return new ModelError('auth', `the provider rejected the API key (${detail}): ${hint}`, hint, { cause: error });
  }
  if (status === 429) {
    const wait = retryAfter(error.responseHeaders);
    const hint = wait ? `try again in ${wait}, then press r` : 'wait and press r to retry';
    return new ModelError('rate-limit', `rate limited by the server (${detail}): ${hint}`, hint, { cause: error });
  }
  if (status >= 500) return new ModelError('server', `the provider failed (${detail}): ${RETRY}`, RETRY, { cause: error });
  const hint = `check the model id \`${place.modelId}\` and the step's options`;
  return new ModelError('unknown', `the provider refused the request (${detail}): ${hint}`, hint, { cause: error });
}

function streamBroke(error: unknown, place: ErrorPlace): ModelError {
  return new ModelError('stream', `the connection dropped mid-answer, after ${place.received} characters: ${RETRY}`, RETRY, { cause: error });
}

/**
 * A stream part of type `error` -> what it says: an event that was not JSON or not the
 * shape of a chunk is the stream's fault, not the model's object (which is checked later).
 */
export function streamPartError(error: unknown): unknown {
  if (!JSONParseError.isInstance(error) && !TypeValidationError.isInstance(error)) return error;
  const raw = JSONParseError.isInstance(error) ? error.text : JSON.stringify(error.value);
  const reason = JSONParseError.isInstance(error) ? 'not JSON' : 'not a chat-completion chunk';
  return new ModelError('stream', `the server sent a stream event stepwise could not read: ${shorten(raw)} (${reason}): ${RETRY}`, RETRY, { cause: error });
}

function shorten(text: string, max = 80): string {
  const line = JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
  return line;
}

/** `Retry-After` (seconds or an HTTP date) or OpenAI's `retry-after-ms`, as `20 s` / `3 min`. */
function retryAfter(headers: Record<string, string> | undefined): string | undefined {
  if (!headers) return undefined;
  const header = (name: string) => Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1]?.trim();
  let seconds: number | undefined;
  const ms = header('retry-after-ms');
  const after = header('retry-after');
  if (ms && /^\d+(\.\d+)?$/.test(ms)) seconds = Number(ms) / 1000;
  else if (after && /^\d+(\.\d+)?$/.test(after)) seconds = Number(after);
  else if (after && !Number.isNaN(Date.parse(after))) seconds = (Date.parse(after) - Date.now()) / 1000;
  if (seconds === undefined) return undefined;
  const whole = Math.max(1, Math.ceil(seconds));
  return whole < 120 ? `${whole} s` : `${Math.ceil(whole / 60)} min`;
}

function connectionError(error: APICallError, place: ErrorPlace): ModelError {
  const code = networkCode(error);
  // Connected, then closed before any answer: the server is there, so not "cannot reach".
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || /other side closed|socket hang up/i.test(innermostMessage(error))) {
    return new ModelError('stream', `the server closed the connection before answering: ${RETRY}`, RETRY, { cause: error });
  }
  const reason = (code && NETWORK_CODES[code]) ?? innermostMessage(error);
  // The failing URL is the endpoint; the author configured the base URL, so show that.
  const base = error.url.replace(/\/chat\/completions(\?.*)?$/, '');
  const provider = providerOf(place.modelId);
  const where = provider === 'openai' ? 'OPENAI_BASE_URL' : `the baseURL of provider \`${provider}\``;
  const hint = `is the server running? check ${where}`;
  return new ModelError('connection', `cannot reach ${base} (${reason}): ${hint}`, hint, { cause: error });
}

function hasSdkMarker(error: unknown, name: string): boolean {
  const marker = Symbol.for(`vercel.ai.error.${name}`);
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[marker] === true;
}

function objectError(error: unknown): ModelError {
  const cause = (error as { cause?: unknown }).cause ?? error;
  if (TypeValidationError.isInstance(cause)) {
    return objectMismatch(cause.cause instanceof Error ? cause.cause.message : cause.message, error);
  }
  if (JSONParseError.isInstance(cause)) return notJson(error);
  const detail = error instanceof Error ? error.message : String(error);
  return new ModelError('schema', `the model produced no usable object (${detail}): ${OBJECT_HINT}`, OBJECT_HINT, { cause: error });
}

function keyHint(modelId: string): string {
  const provider = providerOf(modelId);
  if (provider === 'openai') return 'check OPENAI_API_KEY or `stepwise config set openai.apiKey ...`';
  return `check the apiKey of provider \`${provider}\` in stepwise.config.ts or \`stepwise config set providers.${provider}.apiKey ...\``;
}

function providerOf(modelId: string): string {
  const colon = modelId.indexOf(':');
  return colon > 0 ? modelId.slice(0, colon) : modelId;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'ResponseAborted');
}

/** fetch's body read failing after the response started: `TypeError: terminated`, a reset socket... */
function isNetworkBreak(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TypeError' && /terminated|fetch failed|network/i.test(error.message)) return true;
  return networkCode(error) !== undefined || /other side closed|socket/i.test(innermostMessage(error));
}

function causeOfType<T>(error: unknown, type: abstract new (...args: never[]) => T): T | undefined {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    if (current instanceof type) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function networkCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 8; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (code in NETWORK_CODES || code.startsWith('UND_ERR_'))) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function innermostMessage(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  for (let current = (error as { cause?: unknown })?.cause, depth = 0; current && depth < 8; depth++) {
    if (current instanceof Error && current.message) message = current.message;
    current = (current as { cause?: unknown }).cause;
  }
  return message;
}

/** The message a provider put in its error, or the error's own. */
function providerMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === 'object') {
    const inner = (error as { error?: { message?: unknown }; message?: unknown }).error?.message ?? (error as { message?: unknown }).message;
    if (typeof inner === 'string') return inner;
  }
  return String(error);
}
