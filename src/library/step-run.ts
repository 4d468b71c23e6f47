// `createRun(file, options)`: the step-by-step run the TUI drives, as a small handle:
// the author's commands, the run's plain state and its typed events. Nothing is saved
// and nothing is printed; the caller decides when each action runs.
import type { RunCommands, RunListener, RunState } from '../runtime/types.js';
import type { StepPreview } from '../runtime/preview.js';
import type { RunHandle } from '../runtime/run-handle.js';
import { loadRun, type RunOptions } from './load-workflow.js';

export type CreateRunOptions = RunOptions;

export interface WorkflowRun extends RunCommands {
  /** the run's state: status, each executed step's record (prompt, messages, output), history; read it after an event */
  readonly state: RunState;
  /** listens to every event (`step-start`, `text-delta`, `step-end`, `paused`, `done`…); returns the unsubscriber */
  subscribe(listener: RunListener): () => void;
  /** what step `key` would send if it ran now (prompt, messages, model), as the TUI's `m` shows it; no model is called */
  preview(key: string): StepPreview | null;
  /** resolves when the run waits for the next command, or has finished */
  idle(): Promise<void>;
  /** stops the run and frees its expression sandbox; call it when done */
  dispose(): void;
}

export async function createStepRun(file: string, options: CreateRunOptions = {}): Promise<WorkflowRun> {
  const run: RunHandle = (await loadRun(file, options)).run;
  // the run waits at its first action, as the TUI does when it opens; resolve once it is there,
  // so state.next and preview() answer at once
  run.start();
  await run.idle();
  return {
    get state() {
      return run.state;
    },
    subscribe: (listener) => run.subscribe(listener),
    idle: () => run.idle(),
    preview: (key) => run.preview(key),
    dispose: () => run.dispose(),
    next: () => run.next(),
    runPhase: () => run.runPhase(),
    continue: () => run.continue(),
    pause: () => run.pause(),
    cancel: () => run.cancel(),
    rerun: (key) => run.rerun(key),
    edit: (key, value) => run.edit(key, value),
    feedback: (key, instruction) => run.feedback(key, instruction),
    rewind: (key) => run.rewind(key),
    restore: (key, id) => run.restore(key, id),
    answerTool: (key, id, answer) => run.answerTool(key, id, answer),
  };
}
