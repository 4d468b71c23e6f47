// One tool call as a step records it, and the author's answer to a waiting one: declared
// by the tools that record them (src/tools/gate.ts); the run's state and events carry them.

/**
 * One tool call of a step. `waiting`: for the author's answer (stepping in the TUI);
 * `rejected`: the author said no, and `result` is their message; `refused`: --no-tools;
 * `failed`: bad arguments or the tool threw, and `result` is the error the model was sent;
 * `cancelled`: the step was cancelled (Esc, a re-run, a rewind) while it waited or ran.
 */
export interface ToolCall {
  /** `1`, `2`… within the step, in the order the model made them */
  id: string;
  name: string;
  /** the arguments it runs with (the author's, when edited) */
  args: unknown;
  /** the model's own arguments, when the author edited them */
  proposed?: unknown;
  status: 'waiting' | 'running' | 'done' | 'failed' | 'rejected' | 'refused' | 'cancelled';
  /** what went back to the model */
  result?: unknown;
}

/** The author's answer to a waiting tool call. */
export type ToolAnswer = { kind: 'approve' } | { kind: 'edit'; args: unknown } | { kind: 'reject'; message: string };
