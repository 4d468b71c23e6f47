// The run's plain, serialisable state, the events it emits and the commands it takes.
// Both front ends (TUI and headless) consume the same events.
import type { ChatMessage, Usage } from '../models/types.js';
import type { ToolAnswer, ToolCall } from '../tools/tool-call.js';
import type { FailureKind } from '../actions/errors.js';

// a step's tool calls are declared by src/tools/, which records them; here for every reader of the run
export type { ToolAnswer, ToolCall };

export type { FailureKind };

/**
 * Why and where a step failed. `message` is what screens show (it ends with what to do);
 * `kind` is what front ends switch on; `hint` is that advice alone. A session saved before
 * kinds existed has only `message` and `line`.
 */
export interface StepFailure {
  message: string;
  line: number | null;
  column?: number | null;
  kind?: FailureKind;
  hint?: string | null;
}

export type RunStatus = 'ready' | 'running' | 'paused' | 'done' | 'failed';

export type StepStatus = 'running' | 'done' | 'failed' | 'cancelled';

export interface Attempt {
  output: unknown;
  /** the instruction the author rejected this attempt with */
  feedback: string;
}

/**
 * One executed step instance. Keys are the compiled step id, with `#<iteration>` for
 * each enclosing block iteration: `1.0`, `1.0#2/0.1`.
 */
export interface StepRecord {
  key: string;
  stepId: string;
  action: string | null;
  as: string | null;
  /** top-level phase index this step belongs to */
  phase: number;
  status: StepStatus;
  /** an upstream change (file, inputs, an earlier edit) means this result will be regenerated */
  stale: boolean;
  /** the step's rendered content */
  prompt: string;
  /** exactly what the model (or custom action) received */
  messages: ChatMessage[];
  model: string | null;
  /** the action's evaluated attributes besides `as`, `model` and `role` (options, schema…): the rest of the request, shown by `m` */
  attributes?: Record<string, unknown>;
  output?: unknown;
  /** streamed text so far while running */
  partial?: string;
  /** the output is the author's edit, not the model's */
  edited: boolean;
  /** earlier attempts the author rejected with feedback; each is replayed to the model on regeneration */
  attempts: Attempt[];
  usage: Usage;
  startedAt: number | null;
  endedAt: number | null;
  error: StepFailure | null;
  warnings: string[];
  /** hash of what determined this result: prompt, messages, attributes, model */
  fingerprint: string;
  /** the id of the history version this record shows (0: none yet) */
  current?: number;
  /** a running Loop: iterations done, and how many it will run when `until` tells that ahead (else null) */
  progress?: { done: number; total: number | null };
  /** the tools the model called during this step, in order (GenText/GenObject with `tools`) */
  toolCalls?: ToolCall[];
}

/** Why a version of a step's output exists. */
export type VersionReason = 'generated' | 'feedback' | 'edited' | 'restored' | 'cancelled';

/**
 * One output a step has had. Every generation, feedback regeneration, edit, restore and
 * cancelled partial is kept, newest last; nothing a command does removes one.
 */
export interface StepVersion {
  /** 1, 2, 3… within the step's history */
  id: number;
  why: VersionReason;
  /** the author's instruction, for `feedback` (and a `cancelled` feedback regeneration) */
  feedback?: string;
  /** for `edited`: the version it edited; for `restored`: the version made current again */
  from?: number;
  output: unknown;
  /** a cancelled generation's text so far */
  partial?: string;
  /** when it was made */
  at: number;
  model: string | null;
  usage: Usage;
  /** the step's fingerprint (prompt, messages, attributes, model) when it was made; an edit keeps the one of the generation it edited */
  fingerprint: string;
  prompt: string;
  /** what was sent, feedback turns included */
  messages: ChatMessage[];
  /** the rejected attempts this version was made with */
  attempts: Attempt[];
  edited: boolean;
  startedAt: number | null;
  endedAt: number | null;
  /** dropped by a rewind: kept here, but never brought back by fingerprint */
  dropped?: boolean;
  /** the tool calls the generation made */
  toolCalls?: ToolCall[];
}

export interface RunState {
  version: 1;
  file: string;
  title: string;
  inputs: Record<string, unknown>;
  status: RunStatus;
  /** keys of executed steps in execution order */
  order: string[];
  steps: Record<string, StepRecord>;
  /** key of the step the run is waiting to execute, or null */
  next: string | null;
  usage: Usage;
  startedAt: number;
  error: { message: string; step: string | null; line: number | null } | null;
  /** every version each step has had, by step key; survives rewinds and file changes */
  history: Record<string, StepVersion[]>;
  /** the step waiting at the gate and the prompt it would send now (for a stale step's diff) */
  pending?: { key: string; prompt: string } | null;
}

export type RunEvent =
  | { type: 'step-start'; key: string; record: StepRecord }
  | { type: 'text-delta'; key: string; delta: string }
  | { type: 'object-delta'; key: string; partial: unknown }
  | { type: 'step-end'; key: string; record: StepRecord }
  | { type: 'step-error'; key: string; record: StepRecord }
  | { type: 'step-cancel'; key: string; record: StepRecord }
  | { type: 'warning'; key: string; message: string }
  | { type: 'usage'; usage: Usage }
  | { type: 'stale'; keys: string[] }
  /** a tool call of a running step changed (`record.toolCalls`); a `waiting` one asks the author */
  | { type: 'tool-call'; key: string; record: StepRecord; call: ToolCall }
  /** a running Loop finished an iteration (its record's `progress`) */
  | { type: 'progress'; key: string }
  /** a step's history changed (a version added, or another made current); `restored` when no model was asked */
  | { type: 'history'; key: string; restored: boolean }
  | { type: 'paused'; next: string | null }
  | { type: 'status'; status: RunStatus }
  | { type: 'done'; ok: boolean; error: RunState['error'] };

export type RunListener = (event: RunEvent) => void;

/** What a front end can ask of a run. */
export interface RunCommands {
  next(): void;
  runPhase(): void;
  continue(): void;
  pause(): void;
  cancel(): void;
  rerun(key: string): void;
  edit(key: string, value: unknown): void;
  feedback(key: string, instruction: string): void;
  rewind(key: string): void;
  /** makes version `id` of the step's history current again (later steps go stale, as after an edit) */
  restore(key: string, id: number): void;
  /** answers the tool call `id` of the running step `key` that waits for the author */
  answerTool(key: string, id: string, answer: ToolAnswer): void;
}
