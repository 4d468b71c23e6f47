// The one error the library throws for a problem the caller can fix: a file that cannot be
// read, a broken config, a workflow that does not compile, inputs that do not fit.
import type { Diagnostic } from '../compiler/types.js';

export type StepwiseErrorKind = 'file' | 'config' | 'compile' | 'inputs';

export class StepwiseError extends Error {
  readonly kind: StepwiseErrorKind;
  /** for `compile`: the errors, with their lines and columns */
  readonly diagnostics: Diagnostic[];

  constructor(kind: StepwiseErrorKind, message: string, diagnostics: Diagnostic[] = []) {
    super(message);
    this.name = 'StepwiseError';
    this.kind = kind;
    this.diagnostics = diagnostics;
  }
}
