// What a thrown error becomes on a failed step: its message (keys masked, as screens show
// it today), its place, and its kind and hint, so no front end has to read the message.
import { ExpressionError, StepError } from '../actions/errors.js';
import { ModelError } from '../models/model-error.js';
import { redact } from '../models/secrets.js';
import type { StepFailure } from './types.js';

export function toStepFailure(error: unknown): StepFailure {
  // a failure message may quote what a server or an action said, keys included
  const message = redact((error as Error)?.message ?? String(error));
  if (error instanceof ModelError) return { message, line: null, column: null, kind: error.kind, hint: redact(error.hint) };
  if (error instanceof StepError) return { message, line: error.line, column: null, kind: error.kind, hint: error.hint && redact(error.hint) };
  if (error instanceof ExpressionError) return { message, line: error.line, column: error.column, kind: 'expression', hint: null };
  // anything else was not thrown for the author: its message is all there is to say
  return { message, line: null, column: null, kind: 'unknown', hint: null };
}
