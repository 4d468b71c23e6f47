// After a failure the author's next move is to retry the step that failed, so the selection
// moves to it (wherever it was, e.g. still in phase 1 after `c`), and the failure line
// names the key that retries it.
import { useRef } from 'react';
import type { StepRecord } from '../../src/runtime/types.js';
import type { RunView } from '../run-view.js';
import { keyAndBlocks, topPhase } from '../../src/runtime/step-key.js';

/** The step the run stopped at, while the run is failed. */
export function failedRecord(view: RunView | null): StepRecord | null {
  if (!view || view.status !== 'failed') return null;
  for (let i = view.order.length - 1; i >= 0; i--) {
    const record = view.records[view.order[i]!];
    if (record?.status === 'failed') return record;
  }
  return null;
}

/**
 * The outline item to select for the step `key`: the step itself, else the nearest enclosing
 * step that is listed (its phase may be collapsed, or its Loop iteration hidden), else its phase.
 */
export function itemFor(key: string, ids: Set<string>): string | null {
  for (const candidate of keyAndBlocks(key)) {
    const id = `s:${candidate}`;
    if (ids.has(id)) return id;
  }
  const phase = `p:${topPhase(key)}`;
  return ids.has(phase) ? phase : null;
}

/** Selects the failed step once per failure (the author may move away from it afterwards). */
export function useFailedStep(failed: StepRecord | null, ids: Set<string>, select: (id: string) => void): void {
  const handled = useRef<string | null>(null);
  const key = failed?.key ?? null;
  // during the render, not in an effect: the first frame that shows the failure selects the
  // step, so a key pressed on that frame is not undone by a selection arriving after it
  if (key !== handled.current) {
    handled.current = key;
    const id = key ? itemFor(key, ids) : null;
    if (id) select(id);
  }
}

/**
 * The failure line: which step failed, why, and that `r` retries it. A message that names
 * its own key ("press r to retry", "press i to enter it") is not given a second one.
 */
export function failureNotice(message: string, failed: StepRecord | null, selectedKey: string | null): string {
  if (!failed) return `failed: ${message}`;
  const name = `\`${failed.as ?? failed.key}\``;
  const retry = /\bpress [a-z]\b/.test(message) ? '' : ' — press r to retry it';
  const select = selectedKey === failed.key ? '' : ` — select ${name} first (↑/↓)`;
  return `failed: ${name}: ${message}${retry}${select}`;
}
