// A number, typed as text and checked against min/max when the form validates it.
import type { FieldProps } from './field-props.js';
import { FieldFrame } from './FieldFrame.js';
import { LineValue } from './LineValue.js';
import { useLineEditing } from './use-line-editing.js';

export function NumberField({ field, value, focused, error, onChange }: FieldProps<string>) {
  const cursor = useLineEditing(focused, value, onChange);
  return (
    <FieldFrame field={field} focused={focused} error={error} hint={`a number${range(field.min, field.max)}`}>
      <LineValue value={value} cursor={focused ? cursor : undefined} placeholder="(empty)" />
    </FieldFrame>
  );
}

function range(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` of at least ${min}`;
  if (max !== undefined) return ` of at most ${max}`;
  return '';
}
