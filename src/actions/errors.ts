// Errors a run turns into a failed step (never a crash). They live with the actions that
// throw them, a floor under src/runtime/, so both can use them and every arrow points down.
import type { ModelErrorKind } from '../models/model-error.js';

/**
 * Why a step failed, so a front end can decide what to offer without reading the message:
 * a model call's kind (`missing-key` offers `k`), a bad expression, a host limit, or an
 * author-fixable step error (an attribute, a loop limit, a custom action); else `unknown`.
 */
export type FailureKind = ModelErrorKind | 'expression' | 'limit' | 'step';

/** An expression or attribute failed: the message names the expression; line and column place its `{`. */
export class ExpressionError extends Error {
  constructor(message: string, readonly line: number | null, readonly column: number | null = null) {
    super(message);
    this.name = 'ExpressionError';
  }
}

/** A step failed for a reason the author can fix (bad attribute value, loop limit, custom action error). */
export class StepError extends Error {
  readonly kind: 'step' | 'limit';
  /** what the author can do about it; `message` already ends with it (null when it says it all) */
  readonly hint: string | null;

  constructor(message: string, readonly line: number | null = null, details: { kind?: 'step' | 'limit'; hint?: string } = {}) {
    super(message);
    this.name = 'StepError';
    this.kind = details.kind ?? 'step';
    this.hint = details.hint ?? null;
  }
}
