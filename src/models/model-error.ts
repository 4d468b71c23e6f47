// The one error type a model call can end with. The UI shows `message` on the failed
// step; `kind` lets it decide what to offer (retry, fix a key, ...).

export type ModelErrorKind =
  | 'auth'
  | 'rate-limit'
  | 'server'
  | 'connection'
  | 'timeout'
  | 'stream'
  | 'config'
  /** no API key for the provider: the TUI offers `k` to enter one */
  | 'missing-key'
  | 'aborted'
  | 'schema'
  | 'unknown';

export class ModelError extends Error {
  readonly kind: ModelErrorKind;
  /** what the author can do about it; `message` already ends with it */
  readonly hint: string;

  constructor(kind: ModelErrorKind, message: string, hint: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ModelError';
    this.kind = kind;
    this.hint = hint;
  }
}

/** How the message of a step that failed for want of an OpenAI key starts (its kind is `missing-key`). */
export const NO_OPENAI_KEY = 'no OpenAI API key';
