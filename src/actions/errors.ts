// Errors a run turns into a failed step (never a crash). They live with the actions that
// throw them, a floor under src/runtime/, so both can use them and every arrow points down.

/** An expression or attribute failed: the message names the expression and its line. */
export class ExpressionError extends Error {
  constructor(message: string, readonly line: number | null) {
    super(message);
    this.name = 'ExpressionError';
  }
}

/** A step failed for a reason the author can fix (bad attribute value, loop limit, custom action error). */
export class StepError extends Error {
  constructor(message: string, readonly line: number | null = null) {
    super(message);
    this.name = 'StepError';
  }
}
