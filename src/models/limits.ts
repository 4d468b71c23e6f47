// The one table of model-call limits, read by whoever enforces them (timed-fetch.ts)
// and by the help texts that mention them.

export const MODEL_LIMITS = {
  /** a model call fails when no data arrives for this long (--timeout, config `timeout`) */
  idleTimeoutSeconds: 60,
} as const;
