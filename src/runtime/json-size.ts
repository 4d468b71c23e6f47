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

/** A JSON string literal's bytes: quotes, escapes and UTF-8 (a lone surrogate counts as its escape). */
function stringSize(text: string, room: number): number {
  if (text.length + 2 > room) return text.length + 2;
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20) bytes += code === 8 || code === 9 || code === 10 || code === 12 || code === 13 ? 2 : 6;
    else if (code === 0x22 || code === 0x5c) bytes += 2;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else if (code >= 0xd800 && code <= 0xdfff) bytes += 6;
    else bytes += 3;
  }
  return bytes;
}
