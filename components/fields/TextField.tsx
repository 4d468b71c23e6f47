// A one-line text input.
import type { FieldProps } from './field-props.js';
import { FieldFrame } from './FieldFrame.js';
import { LineValue } from './LineValue.js';
import { useLineEditing } from './use-line-editing.js';

export function TextField({ field, value, focused, error, onChange }: FieldProps<string>) {
  const cursor = useLineEditing(focused, value, onChange);
  return (
    <FieldFrame field={field} focused={focused} error={error} hint="type a value">
      <LineValue value={value} cursor={focused ? cursor : undefined} placeholder="(empty)" />
    </FieldFrame>
  );
}
