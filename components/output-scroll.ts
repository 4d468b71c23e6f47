// Where the author has scrolled a step's output. Scrolling up while the step streams pins
// the view to the text there was at that moment, so the lines being read do not slide away
// as more arrives; scrolling back to the bottom (PgDn there, or End) follows the stream again.
import type { StepRecord } from '../src/runtime/types.js';

export interface OutputScroll {
  /** lines scrolled up from the bottom of what is shown */
  up: number;
  /** the output is shown up to this many characters: its length when the author scrolled up during a stream */
  pinned?: { length: number; startedAt: number | null };
}

export type ScrollKey = 'pageup' | 'pagedown' | 'end';

/** The step's scroll after a key; undefined when it follows the end of the output again. */
export function scrollOutput(previous: OutputScroll | undefined, key: ScrollKey, page: number, record: StepRecord, text: string): OutputScroll | undefined {
  if (key === 'end') return undefined;
  const pinned = pinnedLength(previous, record) !== undefined ? previous!.pinned : undefined;
  if (key === 'pagedown') {
    const up = Math.max(0, (previous?.up ?? 0) - page);
    return up === 0 ? undefined : { up, ...(pinned ? { pinned } : {}) };
  }
  const up = (previous?.up ?? 0) + page;
  if (pinned) return { up, pinned };
  return record.status === 'running' ? { up, pinned: { length: text.length, startedAt: record.startedAt } } : { up };
}

/** How much of the step's output to show, when the view is pinned to an earlier moment of this same generation. */
export function pinnedLength(scroll: OutputScroll | undefined, record: StepRecord | undefined): number | undefined {
  if (!scroll?.pinned || !record || scroll.pinned.startedAt !== record.startedAt) return undefined;
  return scroll.pinned.length;
}
