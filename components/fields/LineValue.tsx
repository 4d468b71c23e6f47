// A one-line value; while focused, the cursor shows as the character under it in inverse,
// or as a block after the last character.
import { Text } from 'ink';

export interface LineValueProps {
  value: string;
  /** where the cursor is, when the value has the focus */
  cursor?: number | undefined;
  placeholder?: string | undefined;
}

export function LineValue({ value, cursor, placeholder }: LineValueProps) {
  if (cursor === undefined) return value || !placeholder ? <Text>{value}</Text> : <Text dimColor>{placeholder}</Text>;
  if (cursor >= value.length) return <Text>{value}█</Text>;
  const under = value.codePointAt(cursor)! > 0xffff ? 2 : 1;
  return (
    <Text>
      {value.slice(0, cursor)}
      <Text inverse>{value.slice(cursor, cursor + under)}</Text>
      {value.slice(cursor + under)}
    </Text>
  );
}
