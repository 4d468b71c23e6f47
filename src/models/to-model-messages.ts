// stepwise's plain ChatMessage -> the AI SDK's ModelMessage.
import type { ModelMessage } from 'ai';
import type { ChatMessage, ContentPart } from './types.js';

export function toModelMessages(messages: ChatMessage[]): ModelMessage[] {
  return messages.map((message): ModelMessage => {
    if (message.role === 'system') {
      // System messages carry text only; an image there would be a bug upstream, keep its place visible.
      return { role: 'system', content: typeof message.content === 'string' ? message.content : message.content.map(partText).join('\n') };
    }
    if (typeof message.content === 'string') return { role: message.role, content: message.content };
    if (message.role === 'user') {
      return {
        role: 'user',
        content: message.content.map((part) =>
          part.type === 'text' ? { type: 'text', text: part.text } : { type: 'image', image: part.image, mediaType: part.mediaType },
        ),
      };
    }
    return {
      role: 'assistant',
      content: message.content.map((part) =>
        part.type === 'text' ? { type: 'text', text: part.text } : { type: 'file', data: part.image, mediaType: part.mediaType },
      ),
    };
  });
}

function partText(part: ContentPart): string {
  return part.type === 'text' ? part.text : `[image ${part.mediaType}]`;
}
