// The compiled workflow: a plain, serialisable model (no functions, no classes),
// shared by the runtime, the CLI and the UI. Positions are 1-based.
import type { ActionKind } from './action-specs.js';

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  message: string;
  line: number;
  column: number;
  /** short, stable, kebab-case id, e.g. `unknown-name`, `duplicate-name` */
  rule: string;
  /** set when the problem is in an included fragment: its path from the workflow's folder, e.g. `prompts/tone.mdx` */
  file?: string;
}

export interface Place {
  line: number;
  column: number;
  /** 0-based character offset into the file */
  offset: number;
}

export type InputType = 'text' | 'select' | 'number' | 'boolean' | 'array' | 'file';

export interface SelectOption {
  name: string;
  value: string;
}

export interface InputField {
  name: string;
  type: InputType;
  /** prompt shown to the user (defaults to the name, humanised) */
  message: string;
  /** present only when the frontmatter gives one; a field with a default is optional */
  default?: unknown;
  required: boolean;
  /** text */
  multiline?: boolean;
  /** select */
  options?: SelectOption[];
  /** number: value bounds; array: item counts */
  min?: number;
  max?: number;
  /** file */
  fileType?: 'text' | 'image';
  line: number;
}

/** A piece of a step's content: author's markdown verbatim, or an expression. */
export type Segment =
  | { kind: 'text'; text: string }
  | {
      kind: 'expr';
      source: string;
      /** the expression stands alone on its own line(s): objects render as a fenced json block */
      block: boolean;
      line: number;
      column: number;
      /** what the sandbox runs when it differs from `source` (fragments become plain calls) */
      code?: string;
    };

export type Attribute =
  | { kind: 'literal'; value: string; line: number; column: number }
  | { kind: 'expr'; source: string; line: number; column: number; /** as on a Segment */ code?: string };

export type BuiltinAction = 'GenText' | 'GenObject' | 'Loop' | 'Cond';

export interface Action {
  /** canonical action name: `GenText`, `GenObject`, `Loop`, `Cond` or a custom action's name */
  name: string;
  /** `block` for an action with a body of its own (Loop, Cond), else `leaf` */
  kind: ActionKind;
  as: string;
  attributes: Record<string, Attribute>;
  /** body of a block action (Loop, Cond); null for others */
  body: Scope | null;
  line: number;
  column: number;
}

export interface Step {
  /** stable positional id: `<phase>.<step>` joined by `/` for nested scopes, e.g. `1.0/0.2` */
  id: string;
  content: Segment[];
  /** null for a trailing step (content after a phase's last action) */
  action: Action | null;
  line: number;
}

export interface Phase {
  line: number;
  steps: Step[];
}

export interface Scope {
  phases: Phase[];
  /** names this scope can see when it starts: data + input names at the root, provide keys in a body */
  provided: string[];
}

export interface Workflow {
  file: string;
  title: string;
  /** the description block's markdown (comments removed), or null */
  description: string | null;
  descriptionLine: number | null;
  /** default model from the frontmatter, or null */
  model: string | null;
  data: Record<string, unknown>;
  inputs: InputField[];
  root: Scope;
}

export interface CompileResult {
  /** null only when the file could not be parsed at all */
  workflow: Workflow | null;
  diagnostics: Diagnostic[];
  /** absolute paths of the fragments `include()` read or looked for: saving one recompiles */
  fragments?: string[];
}
