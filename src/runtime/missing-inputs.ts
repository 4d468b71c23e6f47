// A step must never start with a declared input missing from its scope (the sandbox would
// only say "'style' is not defined"). An input added to the file while the TUI is open has
// no value until the author enters one: the step that reads it fails at the gate with a
// message that says how to give it one.
import type { Step } from '../compiler/types.js';
import { usedNames } from '../compiler/used-names.js';
import { StepError } from '../actions/errors.js';
import { newInputMessage } from './inputs.js';

/** The error for a top-level step that reads one of the `missing` inputs, or null. */
export function missingInputError(step: Step, missing: ReadonlySet<string>): StepError | null {
  if (!missing.size) return null;
  const expressions = [...step.content.filter((segment) => segment.kind === 'expr'), ...Object.values(step.action?.attributes ?? {}).filter((attribute) => attribute.kind === 'expr')];
  for (const expression of expressions) {
    const name = usedNames(expression)?.find((used) => missing.has(used));
    if (name) return new StepError(newInputMessage(name), expression.line);
  }
  return null;
}
