// What the App is given: the file and its workflow, the inputs, how to make the run, and
// the doors to the outside (editor, terminal, key store, remembered inputs) that tests replace.
import type { CompileResult, Diagnostic, Workflow } from '../src/compiler/types.js';
import type { RunHandle } from '../src/runtime/run-handle.js';
import type { RunState } from '../src/runtime/types.js';
import type { editInEditor } from './editor.js';
import type { SaveProblem } from './save-problem.js';

export interface AppProps {
  file: string;
  /** the file's text and compiled workflow at start (already known to compile) */
  text: string;
  workflow: Workflow;
  /** the compile warnings of that text (counted in the header, listed under `!`) */
  warnings?: Diagnostic[];
  /** inputs already known (command line, defaults) and the required ones still missing */
  inputs: Record<string, unknown>;
  missing: string[];
  /**
   * the inputs given on the command line; when set, the form asks for the others first
   * (prefilled with the values used last time for this file, else the defaults)
   */
  explicit?: Record<string, unknown>;
  /** makes the run once the inputs are known; called after the first frame */
  createRun: (workflow: Workflow, inputs: Record<string, unknown>) => Promise<RunHandle>;
  /** recompile on save (false with --no-watch) */
  watch: boolean;
  compile?: (text: string) => CompileResult;
  /** the --model override */
  modelOverride?: string | null;
  defaultModel?: string | null;
  editor?: typeof editInEditor;
  /** hands the terminal to the editor and takes it back */
  terminal?: { suspend: () => () => void };
  /** where `k` stores an API key (tests pass their own) */
  keyStore?: () => { set: (key: string, value: unknown) => void };
  remember?: { load: (file: string) => Record<string, unknown>; save: (file: string, values: Record<string, unknown>) => void };
  size?: { rows: number; columns: number };
  onRun?: (run: RunHandle) => void;
  onExit?: () => void;
  /** the resumed session's state, shown until its run exists */
  saved?: RunState;
  /** when the resumed session was last saved (null: a new session) */
  resumedAt?: number | null;
  /** why the session could not be saved, shown in a banner */
  saveProblem?: SaveProblem;
  /** where the session is saved now, when another stepwise saved it first (same store shape) */
  saveMoved?: SaveProblem;
}
