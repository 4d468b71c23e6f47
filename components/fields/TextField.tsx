// A one-line text input.
import type { FieldProps } from './field-props.js';
import { FieldFrame } from './FieldFrame.js';
import { LineValue } from './LineValue.js';
import { useLineEditing } from './use-line-editing.js';

export function TextField({ field, value, focused, error, onChange }: FieldProps<string>) {
  useLineEditing(focused, onChange);
  return (
    <FieldFrame field={field} focused={focused} error={error} hint="type a value · Ctrl+U clears">
      <LineValue value={value} focused={focused} placeholder="(empty)" />
    </FieldFrame>
  );
}
