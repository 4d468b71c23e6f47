// What the TUI needs from the command line to start, declared here by the TUI so that
// components/ imports nothing from src/cli/ (every arrow points down): the command line's
// PreparedRun, OpenedSession, CliIO and onExit (src/cli/exit.ts) fit these shapes.
import type { CompileResult, Diagnostic, Workflow } from '../src/compiler/types.js';
import type { StepwiseConfig } from '../src/config/define.js';
import type { RunState } from '../src/runtime/types.js';

/** The compiled file and the command line's choices. */
export interface TuiRun {
  file: string;
  text: string;
  workflow: Workflow;
  config: StepwiseConfig | null;
  /** the inputs given on the command line (--input, --inputs), typed */
  explicit: Record<string, unknown>;
  args: { model?: string; timeout?: number; noTools?: boolean; watch: boolean };
  /** the compile warnings at start */
  warnings?: Diagnostic[];
}

/** The session the TUI continues (its saved state) or starts. */
export interface TuiSession {
  dir: string;
  state?: RunState;
  savedAt?: number;
  /** the inode of its run.json as loaded (a save by another stepwise replaces it) */
  savedIno?: number;
  inputs: Record<string, unknown>;
  missing: string[];
}

/** What the TUI does on a signal or a crash; the command line's exit owner runs it. */
export interface TuiExitPlan {
  /** the first signal */
  stop(): void;
  /** a second signal or a crash */
  now(reason: string, error?: unknown): void;
  /** the exit code after `now` (default 1) */
  code?: number;
}

export interface TuiHost {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** installs the plan for every way out; returns the uninstaller */
  onExit: (plan: TuiExitPlan) => () => void;
}

/** A file that does not compile yet, shown until a save compiles. */
export interface TuiBrokenFile {
  file: string;
  text: string;
  diagnostics: Diagnostic[];
  compile: (text: string) => CompileResult;
}
