// One tool call in one line of text, the same on every front end (headless, the TUI's
// panel, output.md): `add {"a":2,"b":3} → 5`.
import type { ToolCall } from './tool-call.js';

/** Compact JSON (a string as it is), cut to `max` characters with `…`. */
export function shortJson(value: unknown, max = Infinity): string {
  const text = (typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null')).replace(/\r?\n/g, '⏎');
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;
}

export function toolCallLine(call: ToolCall, max = Infinity): string {
  const head = `${call.name} ${shortJson(call.args, max)}${call.proposed !== undefined ? ' (edited)' : ''}`;
  switch (call.status) {
    case 'waiting':
      return `${head} — waiting for your answer`;
    case 'running':
      return `${head} …`;
    case 'done':
      return `${head} → ${shortJson(call.result, max)}`;
    case 'rejected':
      return `${head} ✗ rejected: ${shortJson(call.result, max)}`;
    case 'refused':
      return `${head} ⊘ refused (--no-tools)`;
    case 'cancelled':
      return `${head} ⊘ cancelled`;
    case 'failed':
      return `${head} ✗ ${shortJson(call.result, max)}`;
  }
}
