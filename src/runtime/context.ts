// What the model sees (docs/language.md §4): one conversation per phase and per loop iteration,
// the `role` attribute as the system message, and nothing hidden.
import type { ChatMessage, ContentPart } from '../models/types.js';

export interface ConversationTurn {
  /** the step's rendered content ('' when empty) */
  prompt: string;
  parts: ContentPart[] | null;
  /** undefined/null when the action produced nothing (a Cond that did not run) */
  result: unknown;
}

export function resultAsText(result: unknown): string {
  return typeof result === 'string' ? result : JSON.stringify(result, null, 2);
}

function userMessage(prompt: string, parts: ContentPart[] | null): ChatMessage | null {
  if (parts) return { role: 'user', content: parts };
  return prompt ? { role: 'user', content: prompt } : null;
}

export function buildMessages(options: {
  role: string | null;
  earlier: ConversationTurn[];
  prompt: string;
  parts: ContentPart[] | null;
  /** rejected attempts and the author's instructions, oldest first */
  feedback?: Array<{ rejected: unknown; instruction: string }>;
}): ChatMessage[] {
  const messages: ChatMessage[] = [];
  if (options.role) messages.push({ role: 'system', content: options.role });
  for (const turn of options.earlier) {
    const user = userMessage(turn.prompt, turn.parts);
    if (user) messages.push(user);
    if (turn.result !== undefined && turn.result !== null) messages.push({ role: 'assistant', content: resultAsText(turn.result) });
  }
  const final = userMessage(options.prompt, options.parts);
  if (final) messages.push(final);
  for (const { rejected, instruction } of options.feedback ?? []) {
    if (rejected !== undefined && rejected !== null) messages.push({ role: 'assistant', content: resultAsText(rejected) });
    messages.push({ role: 'user', content: instruction });
  }
  return messages;
}

/** What an action is given besides its messages and model: its attributes, `model` and `role` aside (those are the model and the system message). */
export function sentAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
  const { model: _model, role: _role, ...rest } = attributes;
  return rest;
}
