// Yes or no: Space, ← or → toggle; y and n choose.
import { Box, Text } from 'ink';
import { useCurrentInput } from '../hooks/useCurrentInput.js';
import type { FieldProps } from './field-props.js';
import { FieldFrame } from './FieldFrame.js';
import { tint } from '../palette.js';

export function BooleanField({ field, value, focused, error, onChange }: FieldProps<boolean>) {
  useCurrentInput(
    (input, key) => {
      if (input === ' ' || key.leftArrow || key.rightArrow) onChange((previous) => !previous);
      else if (input.toLowerCase() === 'y') onChange(() => true);
      else if (input.toLowerCase() === 'n') onChange(() => false);
    },
    { isActive: focused },
  );
  return (
    <FieldFrame field={field} focused={focused} error={error} hint="Space or ←/→ toggle · y yes · n no">
      <Box columnGap={2}>
        <Text bold={value} color={value && focused ? tint('cyan') : undefined}>
          {value ? '(•)' : '( )'} yes
        </Text>
        <Text bold={!value} color={!value && focused ? tint('cyan') : undefined}>
          {value ? '( )' : '(•)'} no
        </Text>
      </Box>
    </FieldFrame>
  );
}
