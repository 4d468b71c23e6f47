// The names each compiled expression reads, noted while compiling. The run hands the
// sandbox only these values: passing the whole scope costs time in proportion to the
// number of steps so far, on every evaluation. A side table, not a field, so the shared
// workflow types stay as they are; an expression object not found here (say, a workflow
// built by hand) is evaluated against the whole scope, as before.
const used = new WeakMap<object, readonly string[]>();

/** Notes the distinct free names of `expression` (a Segment or Attribute object). */
export function noteUsedNames(expression: object, names: readonly string[]): void {
  used.set(expression, names.length < 2 ? names : [...new Set(names)]);
}

/** The names the expression reads, or undefined when the compiler did not note them. */
export function usedNames(expression: object): readonly string[] | undefined {
  return used.get(expression);
}
