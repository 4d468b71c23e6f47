// The props every field component takes. Updates are functions of the previous value.
import type { InputField } from '../../src/compiler/types.js';

export interface FieldProps<Value> {
  field: InputField;
  value: Value;
  focused: boolean;
  error?: string | undefined;
  onChange: (update: (previous: Value) => Value) => void;
  /** a multi-line box hands ↑ on its first line and ↓ on its last back to the form */
  onLeave?: ((direction: -1 | 1) => void) | undefined;
  /** a multi-line box shows at most this many rows of its text */
  maxLines?: number | undefined;
}
