// `m`: the whole request for the selected action: to which model, its options and schema,
// and every message with its role. For a step that has not run (or is stale), what it would
// send now, marked as not sent yet.
import { Box, Text } from 'ink';
import type { ChatMessage } from '../src/models/types.js';
import { wrapColumns } from './columns.js';
import { tint } from './palette.js';
import { attributeLines, requestTitle, toolCallLines, type ShownRequest } from './shown-request.js';

export interface MessagesViewProps {
  request: ShownRequest;
  width: number;
  height: number;
  /** lines scrolled down from the top */
  scroll: number;
}

interface Line {
  /** shown bold in the heading colour: a `[role]`, or an attribute's name */
  label: string;
  text: string;
}

function contentText(message: ChatMessage): string {
  if (typeof message.content === 'string') return message.content;
  return message.content.map((part) => (part.type === 'text' ? part.text : `[image ${part.mediaType}]`)).join('');
}

function wrapped(text: string, width: number): string[] {
  return text.split('\n').flatMap((line) => wrapColumns(line, Math.max(1, width)));
}

/** Every line of the view: `[role]` then the content, a blank line between messages. */
export function messageLines(messages: ChatMessage[], width: number): Line[] {
  const lines: Line[] = [];
  messages.forEach((message, index) => {
    if (index > 0) lines.push({ label: '', text: '' });
    lines.push({ label: `[${message.role}]`, text: '' });
    for (const piece of wrapped(contentText(message), width)) lines.push({ label: '', text: piece });
  });
  return lines;
}

/** The attributes (options, schema…), a blank line, then the messages. */
export function requestLines(request: ShownRequest, width: number): Line[] {
  const lines: Line[] = [];
  for (const { label, text } of attributeLines(request.attributes)) {
    const room = width - (label ? label.length + 1 : 0);
    wrapped(text, room).forEach((piece, index) => lines.push({ label: index === 0 ? label : '', text: piece }));
  }
  if (lines.length) lines.push({ label: '', text: '' });
  const calls = toolCallLines(request.toolCalls ?? []).flatMap(({ label, text }) => {
    const room = width - (label ? label.length + 1 : 0);
    return wrapped(text, room).map((piece, index) => ({ label: index === 0 ? label : '', text: piece }));
  });
  return [...lines, ...messageLines(request.messages, width), ...calls];
}

export function MessagesView({ request, width, height, scroll }: MessagesViewProps) {
  const lines = requestLines(request, width);
  const room = Math.max(1, height - 1);
  const start = Math.min(Math.max(0, scroll), Math.max(0, lines.length - room));
  const nothing = request.sent ? 'nothing was sent to a model for this step' : 'nothing would be sent to a model for this step';
  return (
    <Box flexDirection="column" height={height} overflow="hidden" flexShrink={0}>
      <Text bold wrap="truncate">
        {requestTitle(request)}
      </Text>
      {request.messages.length === 0 ? <Text dimColor>{nothing}</Text> : null}
      {lines.slice(start, start + room).map((line, index) => (
        <Text key={start + index} wrap="truncate">
          {line.label ? (
            <Text color={tint('cyan')} bold>
              {line.label}
            </Text>
          ) : null}
          {line.label && line.text ? ' ' : null}
          {line.text || (line.label ? '' : ' ')}
        </Text>
      ))}
    </Box>
  );
}
