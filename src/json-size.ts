// How many bytes a value takes as compact JSON (UTF-8), counted without building the JSON:
// a value over the limit must be refused, not serialised first. Counting stops once past
// `cap`, so a huge value costs no more than the limit to measure.

export function jsonSize(value: unknown, cap = Infinity): number {
  const counter = { bytes: 0, cap };
  measure(value, counter, new Set());
  return counter.bytes;
}

/** UTF-8 bytes of a string (no quotes, no escapes): what a saved text file holds. Counted in place, nothing copied. */
export function textSize(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

interface Counter {
  bytes: number;
  cap: number;
}

function measure(value: unknown, counter: Counter, open: Set<object>): void {
  if (counter.bytes > counter.cap) return;
  switch (typeof value) {
    case 'string':
      counter.bytes += stringSize(value, counter.cap - counter.bytes);
      return;
    case 'number':
      counter.bytes += Number.isFinite(value) ? String(value).length : 4;
      return;
    case 'boolean':
      counter.bytes += value ? 4 : 5;
      return;
    case 'bigint':
      counter.bytes += String(value).length;
      return;
    case 'object':
      break;
    default:
      // undefined, functions, symbols: left out of objects, `null` in arrays
      counter.bytes += 4;
      return;
  }
  if (value === null) {
    counter.bytes += 4;
    return;
  }
  // a cycle cannot be saved as JSON at all; the save reports it, so count it once
  if (open.has(value)) return;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return measure(toJSON.call(value), counter, open);
  open.add(value);
  if (Array.isArray(value)) {
    counter.bytes += 2 + Math.max(0, value.length - 1);
    for (const item of value) {
      if (counter.bytes > counter.cap) break;
      measure(item, counter, open);
    }
  } else {
    counter.bytes += 2;
    let first = true;
    for (const [key, item] of Object.entries(value)) {
      if (counter.bytes > counter.cap) break;
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      counter.bytes += (first ? 0 : 1) + stringSize(key, Infinity) + 1;
      first = false;
      measure(item, counter, open);
    }
  }
  open.delete(value);
}

// characters JSON writes as an escape: `\n` and friends take two bytes, the rest six
const ESCAPED = /["\\\u0000-\u001f]/g;
const SHORT_ESCAPES = new Set(['"', '\\', '\b', '\t', '\n', '\f', '\r']);

/** A JSON string literal's bytes: quotes, escapes and UTF-8, counted natively (steps measure every message they send). */
function stringSize(text: string, room: number): number {
  if (text.length + 2 > room) return text.length + 2;
  let bytes = Buffer.byteLength(text, 'utf8') + 2;
  ESCAPED.lastIndex = 0;
  for (let match = ESCAPED.exec(text); match; match = ESCAPED.exec(text)) bytes += SHORT_ESCAPES.has(match[0]) ? 1 : 5;
  return bytes;
}
