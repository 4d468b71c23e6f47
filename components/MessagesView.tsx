// `m`: the exact messages the model received for the selected action, each with its role.
import { Box, Text } from 'ink';
import type { ChatMessage } from '../src/models/types.js';
import type { StepRecord } from '../src/runtime/types.js';
import { wrapColumns } from './columns.js';
import { tint } from './palette.js';

export interface MessagesViewProps {
  record: StepRecord;
  width: number;
  height: number;
  /** lines scrolled down from the top */
  scroll: number;
}

function contentText(message: ChatMessage): string {
  if (typeof message.content === 'string') return message.content;
  return message.content.map((part) => (part.type === 'text' ? part.text : `[image ${part.mediaType}]`)).join('');
}

/** Every line of the view: `[role]` then the content, a blank line between messages. */
export function messageLines(messages: ChatMessage[], width: number): Array<{ text: string; role: boolean }> {
  const lines: Array<{ text: string; role: boolean }> = [];
  const columns = Math.max(1, width);
  messages.forEach((message, index) => {
    if (index > 0) lines.push({ text: '', role: false });
    lines.push({ text: `[${message.role}]`, role: true });
    for (const line of contentText(message).split('\n')) {
      for (const piece of wrapColumns(line.replace(/\t/g, '  '), columns)) lines.push({ text: piece, role: false });
    }
  });
  return lines;
}

export function MessagesView({ record, width, height, scroll }: MessagesViewProps) {
  const lines = messageLines(record.messages, width);
  const room = Math.max(1, height - 1);
  const start = Math.min(Math.max(0, scroll), Math.max(0, lines.length - room));
  const title = `Messages sent for ${record.as ?? record.key}${record.model ? ` (${record.model})` : ''}: ${record.messages.length} — ↑/↓ PgUp/PgDn scroll, Esc closes`;
  return (
    <Box flexDirection="column" height={height} overflow="hidden" flexShrink={0}>
      <Text bold wrap="truncate">
        {title}
      </Text>
      {record.messages.length === 0 ? <Text dimColor>nothing was sent to a model for this step</Text> : null}
      {lines.slice(start, start + room).map((line, index) => (
        <Text key={start + index} color={line.role ? tint('cyan') : undefined} bold={line.role} wrap="truncate">
          {line.text || ' '}
        </Text>
      ))}
    </Box>
  );
}
