// A step that failed for the lack of an OpenAI key: `k` offers to enter and store one. The
// one place that recognises that failure, by its kind (never by the message's words).
import type { RunStatus, StepRecord } from '../src/runtime/types.js';
import type { RunView } from './run-view.js';

export const KEYLESS_NOTICE = 'failed: no OpenAI API key — press k to enter one (or set OPENAI_API_KEY)';

export function keylessRecord(view: RunView | null, status: RunStatus | null): StepRecord | null {
  if (status !== 'failed') return null;
  return Object.values(view?.records ?? {}).find((record) => record.status === 'failed' && record.error?.kind === 'missing-key') ?? null;
}
