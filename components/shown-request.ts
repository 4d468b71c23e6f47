// What `m` shows for a step: the request it sent (a step that has run), or the one it would
// send now (a pending or stale step, from the run's preview), marked as not sent yet.
import type { ChatMessage } from '../src/models/types.js';
import type { StepRecord, ToolCall } from '../src/runtime/types.js';
import type { StepPreview } from '../src/runtime/preview.js';

export interface ShownRequest {
  as: string;
  action: string;
  /** null for an action that calls no model (or when none is set) */
  model: string | null;
  messages: ChatMessage[];
  /** the rest of the request: options, schema… */
  attributes: Record<string, unknown>;
  /** false: what the step would send if it ran now */
  sent: boolean;
  /** the tool calls the model made and what each sent back, in order */
  toolCalls?: ToolCall[];
}

/** The step's own request while it holds; what it would send now when it has not run or is stale. */
export function shownRequest(key: string, record: StepRecord | undefined, preview: () => StepPreview | null): ShownRequest | null {
  if (record && !record.stale) return fromRecord(record);
  const would = preview();
  if (would) return { as: would.as, action: would.action, model: would.model, messages: would.messages, attributes: would.attributes, sent: false };
  return record ? fromRecord(record) : null;
}

function fromRecord(record: StepRecord): ShownRequest {
  return { as: record.as ?? record.key, action: record.action ?? '', model: record.model, messages: record.messages, attributes: record.attributes ?? {}, sent: true, ...(record.toolCalls?.length ? { toolCalls: record.toolCalls } : {}) };
}

/** "Sent to openai:gpt-4o for `poem`: 2 messages", or "Would be sent to … (not sent yet)". */
export function requestTitle(request: ShownRequest): string {
  const to = request.model ?? `<${request.action}>`;
  const count = `${request.messages.length} message${request.messages.length === 1 ? '' : 's'}`;
  return request.sent ? `Sent to ${to} for \`${request.as}\`: ${count}` : `Would be sent to ${to} for \`${request.as}\`: ${count} (not sent yet)`;
}

/** The request's attributes as `name: value` lines; an object value (a schema) as indented JSON under its name. */
export function attributeLines(attributes: Record<string, unknown>): Array<{ label: string; text: string }> {
  const lines: Array<{ label: string; text: string }> = [];
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    if (name === 'options' && isPlainObject(value)) {
      lines.push({ label: 'options:', text: Object.entries(value).map(([option, set]) => `${option} ${JSON.stringify(set)}`).join(', ') });
    } else if (isPlainObject(value) || Array.isArray(value)) {
      lines.push({ label: `${name}:`, text: '' });
      for (const line of JSON.stringify(value, null, 2).split('\n')) lines.push({ label: '', text: `  ${line}` });
    } else {
      lines.push({ label: `${name}:`, text: typeof value === 'string' ? value : JSON.stringify(value) });
    }
  }
  return lines;
}

/** What the model called and what went back: `[tool call]` and `[tool result]` lines after the messages. */
export function toolCallLines(calls: ToolCall[]): Array<{ label: string; text: string }> {
  const lines: Array<{ label: string; text: string }> = [];
  for (const call of calls) {
    const edited = call.proposed !== undefined ? ` (your edit; the model asked ${JSON.stringify(call.proposed)})` : '';
    lines.push({ label: '', text: '' }, { label: '[tool call]', text: `${call.name} ${JSON.stringify(call.args)}${edited}` });
    if (call.status === 'waiting' || call.status === 'running' || call.status === 'cancelled') {
      const text = call.status === 'waiting' ? '(waiting for your answer)' : call.status === 'running' ? '(running)' : '(none: the step was cancelled)';
      lines.push({ label: '[tool result]', text });
      continue;
    }
    const note = call.status === 'rejected' ? ' (you rejected it)' : call.status === 'refused' ? ' (refused: --no-tools)' : call.status === 'failed' ? ' (error)' : '';
    const result = typeof call.result === 'string' ? call.result : JSON.stringify(call.result, null, 2);
    lines.push({ label: `[tool result]${note}`, text: result ?? 'null' });
  }
  return lines;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
