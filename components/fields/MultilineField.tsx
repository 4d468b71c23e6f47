// Multi-line text (`multiline: true`): typed in a box, or written in $EDITOR with Ctrl+E.
import type { FieldProps } from './field-props.js';
import { FieldFrame } from './FieldFrame.js';
import { TextBox } from './TextBox.js';
import { boxKeysHint } from './editing-keys.js';

export function MultilineField({ field, value, focused, error, onChange, onLeave, maxLines }: FieldProps<string>) {
  return (
    <FieldFrame field={field} focused={focused} error={error} hint={boxKeysHint('new line')}>
      <TextBox value={value} focused={focused} onChange={onChange} onLeave={onLeave} maxLines={maxLines} placeholder="(empty)" />
    </FieldFrame>
  );
}
