// A one-line value with a block cursor at its end while focused.
import { Text } from 'ink';

export function LineValue({ value, focused, placeholder }: { value: string; focused: boolean; placeholder?: string | undefined }) {
  if (!value && !focused && placeholder) return <Text dimColor>{placeholder}</Text>;
  return (
    <Text>
      {value}
      {focused ? '█' : ''}
    </Text>
  );
}
