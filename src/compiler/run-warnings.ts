// The compile warnings worth showing during a run. `check` reports a generation action
// without a model (`missing-model`), but a run given a model another way (--model, or the
// config's defaultModel) has one for it: there the warning would only be noise.
import type { Diagnostic } from './types.js';

export function runWarnings(diagnostics: readonly Diagnostic[], hasModel: boolean): Diagnostic[] {
  return diagnostics.filter((d) => d.severity === 'warning' && !(hasModel && d.rule === 'missing-model'));
}
