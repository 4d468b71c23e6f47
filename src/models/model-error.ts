// The one error type a model call can end with. The UI shows `message` on the failed
// step; `kind` lets it decide what to offer (retry, fix a key, ...).

export type ModelErrorKind =
  | 'auth'
  | 'rate-limit'
  | 'server'
  | 'connection'
  | 'stream'
  | 'config'
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
