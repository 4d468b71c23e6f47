// One line of a compile problem (problem-lines.ts) in colour: the place red, the rule dim,
// the source line dim and the caret red.
import { Text } from 'ink';
import type { ProblemLine } from './problem-lines.js';
import { tint } from './palette.js';

export function ProblemLineText({ line }: { line: ProblemLine }) {
  if (line.kind === 'source') return <Text dimColor wrap="truncate">{line.text}</Text>;
  if (line.kind === 'caret') return <Text color={tint('red')} wrap="truncate">{line.text}</Text>;
  const head = line.place ?? 0;
  const tail = line.rule ?? 0;
  const middle = line.text.slice(head, line.text.length - tail);
  return (
    <Text wrap="truncate">
      {head ? <Text color={tint('red')}>{line.text.slice(0, head)}</Text> : null}
      {middle || (head || tail ? '' : ' ')}
      {tail ? <Text dimColor>{line.text.slice(line.text.length - tail)}</Text> : null}
    </Text>
  );
}
