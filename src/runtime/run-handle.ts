// What a front end holds of a run (the TUI, the headless reporter, the library): the
// author's commands, the plain state and its events; never the walk host behind them.
import type { Workflow } from '../compiler/types.js';
import type { StepPreview } from './preview.js';
import type { RunCommands, RunListener, RunState } from './types.js';

export interface RunHandle extends RunCommands {
  /** the run's plain, serialisable state; read it after an event */
  readonly state: RunState;
  /** every event as it happens; returns the unsubscriber */
  subscribe(listener: RunListener): () => void;
  /** starts the first pass: reuses what a resumed state still holds, then waits for a command */
  start(): void;
  /** resolves when the run waits for a command (a tool call's answer too), or has finished */
  idle(): Promise<void>;
  /** stops the run and frees the expression sandbox */
  dispose(): void;
  /** a new version of the file or new inputs: results whose inputs did not change are kept */
  update(change: { workflow?: Workflow; inputs?: Record<string, unknown> }): void;
  /** the partial object a GenObject step has streamed so far (undefined when none streams) */
  partialObject(key: string): unknown;
  /** what step `key` would send if it ran now (no model is called), null when there is no such action step */
  preview(key: string): StepPreview | null;
}
