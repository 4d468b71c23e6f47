// Multi-line text (`multiline: true`): typed in a box, or written in $EDITOR with Ctrl+E.
import type { FieldProps } from './field-props.js';
import { FieldFrame } from './FieldFrame.js';
import { TextBox } from './TextBox.js';

export function MultilineField({ field, value, focused, error, onChange }: FieldProps<string>) {
  return (
    <FieldFrame field={field} focused={focused} error={error} hint="Enter new line · Ctrl+E open in $EDITOR · Tab next field">
      <TextBox value={value} focused={focused} onChange={onChange} placeholder="(empty)" />
    </FieldFrame>
  );
}
