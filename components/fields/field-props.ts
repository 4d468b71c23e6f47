// The props every field component takes. Updates are functions of the previous value so
// keys typed faster than React renders are not lost.
import type { InputField } from '../../src/compiler/types.js';

export interface FieldProps<Value> {
  field: InputField;
  value: Value;
  focused: boolean;
  error?: string | undefined;
  onChange: (update: (previous: Value) => Value) => void;
}
