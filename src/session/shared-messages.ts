// A step's messages repeat its phase's conversation so far: the previous step's messages,
// then that step's output and this step's prompt. run.json writes each of those texts once
// (serialising megabytes twice is what a first save spent its time on): a record's line
// names the record before it and how many of its messages come first, and a message that
// is the record's own prompt or the previous record's output names that field instead.
import type { ChatMessage } from '../models/types.js';
import type { StepRecord } from '../runtime/types.js';

/** The first `count` messages are those of step `step`'s record. */
export interface MessagesFrom {
  step: string;
  count: number;
}

/** A message as a record line holds it: with `contentIs`, its content is that field's. */
type SavedMessage = Partial<ChatMessage> & { contentIs?: ContentIs };
type ContentIs = 'prompt' | 'fromOutput';

/** What a record's line holds instead of its messages, or null when it repeats nothing. */
export function compactMessages(
  record: StepRecord,
  previous: { key: string; record: StepRecord } | undefined,
): { messages: SavedMessage[]; messagesFrom?: MessagesFrom } | null {
  const messages = record.messages;
  const before = previous && Array.isArray(previous.record.messages) ? previous.record.messages : [];
  let count = 0;
  while (count < before.length && count < messages.length && sameMessage(before[count], messages[count])) count++;
  const fromOutput = previous && typeof previous.record.output === 'string' ? previous.record.output : undefined;
  let named = false;
  const rest: SavedMessage[] = messages.slice(count).map((message) => {
    if (!isPlain(message) || typeof message.content !== 'string') return message;
    const contentIs: ContentIs | null =
      message.content === record.prompt ? 'prompt' : message.content === fromOutput ? 'fromOutput' : null;
    if (!contentIs) return message;
    if (contentIs === 'fromOutput') named = true;
    return { role: message.role, contentIs };
  });
  if (count === 0 && !named && rest.every((message, i) => message === messages[i])) return null;
  return count > 0 || named ? { messages: rest, messagesFrom: { step: previous!.key, count } } : { messages: rest };
}

/**
 * Puts back in place the messages that records of a parsed run.json name (files written
 * before this have none and come through unchanged).
 */
export function expandMessages(steps: Record<string, StepRecord>): void {
  const done = new Set<string>();
  const expand = (key: string): StepRecord | undefined => {
    const record = steps[key] as (StepRecord & { messagesFrom?: MessagesFrom }) | undefined;
    if (!record || done.has(key)) return record;
    done.add(key); // before the record it names, so a loop in a broken file ends
    const from = record.messagesFrom;
    if (!from && !(Array.isArray(record.messages) && record.messages.some((m: SavedMessage) => m?.contentIs !== undefined))) return record;
    delete record.messagesFrom;
    const source = from && typeof from.step === 'string' ? expand(from.step) : undefined;
    const first = source && Array.isArray(source.messages) ? source.messages.slice(0, from!.count).map((m) => ({ ...m })) : [];
    const rest = (Array.isArray(record.messages) ? record.messages : []).map((message: SavedMessage) => {
      if (!message || typeof message !== 'object' || message.contentIs === undefined || 'content' in message) return message;
      const { contentIs, ...plain } = message;
      return { ...plain, content: contentIs === 'prompt' ? record.prompt : (source?.output as string) };
    });
    record.messages = [...first, ...rest] as ChatMessage[];
    return record;
  };
  for (const key of Object.keys(steps)) expand(key);
}

function isPlain(message: ChatMessage): boolean {
  if (!message || typeof message !== 'object') return false;
  const keys = Object.keys(message);
  return keys.length === 2 && 'role' in message && 'content' in message;
}

/** The same message: the same object, or both just a role and the same content. */
function sameMessage(a: ChatMessage, b: ChatMessage): boolean {
  return a === b || (isPlain(a) && isPlain(b) && a.role === b.role && a.content === b.content);
}
