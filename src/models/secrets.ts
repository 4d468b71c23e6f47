// Every API key stepwise knows, so that no message, output or saved file ever shows one
// whole: providers echo keys back (a proxy's 401 text, a 500 repeating the request
// headers). Keys are remembered where stepwise reads them (registry.ts, generate.ts) and
// masked by `redact` where a model's error or output enters the run.
import type { ModelConfig } from './model-config.js';
import { maskSecret } from './mask-secrets.js';

// Shorter values are too likely to be ordinary words to replace everywhere.
const MIN_LENGTH = 8;
const SECRET_NAME = /key|token|secret|password|auth/i;

const known = new Map<string, string>();
let longestFirst: string[] = [];

/** Remembers a key; anything that is not a string of some length is ignored. */
export function rememberSecret(value: unknown): void {
  if (typeof value !== 'string') return;
  const secret = value.trim();
  if (secret.length < MIN_LENGTH || known.has(secret)) return;
  known.set(secret, maskSecret(secret));
  longestFirst = [...known.keys()].sort((a, b) => b.length - a.length);
  // `Bearer sk-...` in a header: the key itself is what gets echoed alone
  const bearer = /^(?:bearer|basic|token)\s+(\S+)$/i.exec(secret);
  if (bearer) rememberSecret(bearer[1]);
}

/** Header values whose name looks secret (`Authorization`, `x-api-key`). */
export function rememberSecretHeaders(headers: unknown): void {
  if (!headers || typeof headers !== 'object') return;
  for (const [name, value] of Object.entries(headers)) if (SECRET_NAME.test(name)) rememberSecret(value);
}

/** The keys stepwise can know before any call: the environment's and the project config's. */
export function rememberKnownSecrets(env: NodeJS.ProcessEnv, config?: ModelConfig | null): void {
  for (const [name, value] of Object.entries(env)) if (/(?:^|_)(?:API_?KEY|TOKEN|SECRET)$/i.test(name)) rememberSecret(value);
  for (const setting of Object.values(config?.providers ?? {})) {
    if (!setting || typeof setting !== 'object' || !('type' in setting)) continue;
    rememberSecret(setting.apiKey);
    rememberSecretHeaders(setting.headers);
  }
}

/** `text` with every known key masked as `sk-…wxyz`. */
export function redact(text: string): string {
  if (known.size === 0) return text;
  for (const secret of longestFirst) if (text.includes(secret)) text = text.split(secret).join(known.get(secret)!);
  return text;
}

/** A model's output (text or a JSON value) with every string redacted. */
export function redactValue<T>(value: T): T {
  if (known.size === 0) return value;
  if (typeof value === 'string') return redact(value) as T;
  if (Array.isArray(value)) return value.map(redactValue) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [redact(key), redactValue(inner)])) as T;
  }
  return value;
}

/**
 * Redacts streamed text piece by piece: what might be the start of a key is held back
 * until the next piece says whether it is one. `end()` returns what is left.
 */
export function redactingStream(): { push(delta: string): string; end(): string } {
  let pending = '';
  return {
    push(delta) {
      if (known.size === 0 && pending === '') return delta;
      const text = redact(pending + delta);
      const hold = heldBack(text);
      pending = text.slice(text.length - hold);
      return text.slice(0, text.length - hold);
    },
    end() {
      const rest = redact(pending);
      pending = '';
      return rest;
    },
  };
}

/** How many characters at the end of `text` could begin a key. */
function heldBack(text: string): number {
  let hold = 0;
  for (const secret of longestFirst) {
    for (let length = Math.min(secret.length - 1, text.length); length > hold; length--) {
      if (text.endsWith(secret.slice(0, length))) {
        hold = length;
        break;
      }
    }
  }
  return hold;
}

/** For tests: forget every key. */
export function forgetSecrets(): void {
  known.clear();
  longestFirst = [];
}
