// stepwise's plain ChatMessage -> the prompt a provider receives, for streaming calls (read
// straight from the provider) and `stream={false}` ones (through the SDK's generateText)
// alike: the one place that decides where an image goes.
import type { ChatMessage, ContentPart } from './types.js';

type TextPart = { type: 'text'; text: string };
/** base64 data, so the SDK and every provider read it the same way */
type FilePart = { type: 'file'; data: string; mediaType: string };

/** Assignable both to the provider's LanguageModelV3Prompt and to the SDK's ModelMessage[]. */
export type ProviderPrompt = Array<
  { role: 'system'; content: string } | { role: 'user'; content: Array<TextPart | FilePart> } | { role: 'assistant'; content: Array<TextPart | FilePart> }
>;

export function toProviderPrompt(messages: ChatMessage[]): ProviderPrompt {
  return messages.map((message) => {
    // a system turn is text only: an image there keeps its place as the text a preview shows
    if (message.role === 'system') return { role: 'system', content: typeof message.content === 'string' ? message.content : message.content.map(partText).join('\n') };
    const parts = typeof message.content === 'string' ? [{ type: 'text' as const, text: message.content }] : message.content;
    // an image in an assistant turn goes as a file too: a provider that cannot take it there drops it
    return { role: message.role, content: parts.map(toPart) };
  });
}

function toPart(part: ContentPart): TextPart | FilePart {
  return part.type === 'text' ? { type: 'text', text: part.text } : { type: 'file', data: part.image, mediaType: part.mediaType };
}

function partText(part: ContentPart): string {
  return part.type === 'text' ? part.text : `[image ${part.mediaType}]`;
}
