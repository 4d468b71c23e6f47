// A list of strings, one item per line, as the frontmatter's `array` type describes.
import type { FieldProps } from './field-props.js';
import { FieldFrame } from './FieldFrame.js';
import { TextBox } from './TextBox.js';
import { boxKeysHint } from './editing-keys.js';

export function ArrayField({ field, value, focused, error, onChange, onLeave, maxLines }: FieldProps<string>) {
  const count = value.split('\n').filter((line) => line.trim() !== '').length;
  return (
    <FieldFrame field={field} focused={focused} error={error} hint={`one item per line (${count}${limits(field.min, field.max)}) · ${boxKeysHint('new item')}`}>
      <TextBox value={value} focused={focused} onChange={onChange} onLeave={onLeave} maxLines={maxLines} placeholder="(no items)" />
    </FieldFrame>
  );
}

function limits(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `, ${min} to ${max}`;
  if (min !== undefined) return `, at least ${min}`;
  if (max !== undefined) return `, at most ${max}`;
  return '';
}
