// One of a list of options, chosen with ←/→ (↑/↓ stay with the form, to move between fields).
import { Box, Text } from 'ink';
import { useCurrentInput } from '../hooks/useCurrentInput.js';
import type { FieldProps } from './field-props.js';
import { FieldFrame } from './FieldFrame.js';
import { tint } from '../palette.js';

export function SelectField({ field, value, focused, error, onChange }: FieldProps<string>) {
  const options = field.options ?? [];
  useCurrentInput(
    (_input, key) => {
      if (!options.length || !(key.leftArrow || key.rightArrow)) return;
      const step = key.rightArrow ? 1 : -1;
      onChange((previous) => {
        const index = options.findIndex((option) => option.value === previous);
        return options[(index + step + options.length) % options.length]!.value;
      });
    },
    { isActive: focused },
  );
  return (
    <FieldFrame field={field} focused={focused} error={error} hint="←/→ choose">
      <Box flexWrap="wrap" columnGap={2}>
        {options.map((option) => {
          const chosen = option.value === value;
          return (
            <Text key={option.value} color={chosen && focused ? tint('cyan') : undefined} bold={chosen}>
              {chosen ? '(•)' : '( )'} {option.name}
            </Text>
          );
        })}
      </Box>
    </FieldFrame>
  );
}
