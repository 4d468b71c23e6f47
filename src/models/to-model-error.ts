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
  if (error instanceof ModelError) return error;
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
    const hint = 'wait and press r to retry';
    return new ModelError('rate-limit', `rate limited (${detail}): ${hint}`, hint, { cause: error });
  }
  if (status >= 500) return new ModelError('server', `the provider failed (${detail}): ${RETRY}`, RETRY, { cause: error });
  const hint = `check the model id \`${place.modelId}\` and the step's options`;
  return new ModelError('unknown', `the provider refused the request (${detail}): ${hint}`, hint, { cause: error });
}

function streamBroke(error: unknown, place: ErrorPlace): ModelError {
  return new ModelError('stream', `the response stream broke after ${place.received} characters: ${RETRY}`, RETRY, { cause: error });
}

function connectionError(error: APICallError, place: ErrorPlace): ModelError {
  const code = networkCode(error);
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
