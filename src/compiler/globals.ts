// The standard built-ins an expression may use without defining them (docs/language.md §5).
// Anything else that is free in an expression must be a name of its scope or a helper.
export const BUILTIN_GLOBALS: ReadonlySet<string> = new Set([
  'Math',
  'JSON',
  'Date',
  'Number',
  'String',
  'Array',
  'Object',
  'Boolean',
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
  'encodeURIComponent',
  'decodeURIComponent',
  'undefined',
  'NaN',
  'Infinity',
  // a helper, not a value: the compiler turns each include('file') call into the fragment's text (fragments.ts)
  'include',
]);
