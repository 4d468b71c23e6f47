// A React-friendly view of a Run. The engine mutates its state in place; this store keeps
// shallow copies of the records (a copy is replaced only when its record changed, so
// memoised panels skip finished steps) and tells React at most 10 times a second while
// text streams, never once per token: smooth enough to read, and it keeps the CPU of a
// streaming session low (Ink redraws the whole screen on every frame; see bench/README.md).
import type { RunHandle } from '../src/runtime/run-handle.js';
import type { RunEvent, RunState, RunStatus, StepRecord, StepVersion } from '../src/runtime/types.js';
import type { Usage } from '../src/models/types.js';

export interface RunView {
  status: RunStatus;
  order: string[];
  records: Record<string, StepRecord>;
  next: string | null;
  usage: Usage;
  /** output tokens of the generations still streaming, estimated (about 4 characters a token) */
  streamingTokens: number;
  error: RunState['error'];
  inputs: Record<string, unknown>;
  /** GenObject partial objects while they stream */
  partials: Record<string, unknown>;
  /** time spent running before the current stretch */
  activeMs: number;
  /** when the current running stretch began, or null */
  runningSince: number | null;
  /** every version each step has had, newest last */
  history: Record<string, StepVersion[]>;
  /** the step waiting at the gate and the prompt it would send now */
  pending: { key: string; prompt: string } | null;
}

/** matches Ink's maxFps in run-tui.tsx */
export const FLUSH_MS = 100;

export class RunViewStore {
  private view: RunView;
  private listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private partials: Record<string, unknown> = {};
  private activeMs = 0;
  private runningSince: number | null = null;
  private unsubscribe: () => void;

  constructor(
    private readonly run: RunHandle,
    private readonly flushMs = FLUSH_MS,
    private readonly now: () => number = Date.now,
  ) {
    if (run.state.status === 'running') this.runningSince = now();
    // a GenObject may have streamed before this view subscribed
    for (const [key, record] of Object.entries(run.state.steps)) {
      const partial = record.status === 'running' ? run.partialObject(key) : undefined;
      if (partial !== undefined) this.partials[key] = partial;
    }
    this.view = this.build(null);
    this.unsubscribe = run.subscribe((event) => this.onEvent(event));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): RunView => this.view;

  dispose(): void {
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.listeners.clear();
  }

  private onEvent(event: RunEvent): void {
    if (event.type === 'text-delta') return this.later();
    if (event.type === 'object-delta') {
      this.partials = { ...this.partials, [event.key]: event.partial };
      return this.later();
    }
    if ((event.type === 'step-start' || event.type === 'step-end' || event.type === 'step-error' || event.type === 'step-cancel') && event.key in this.partials) {
      const { [event.key]: _dropped, ...rest } = this.partials;
      this.partials = rest;
    }
    // a tool call asks the author: show it now, as a paused run is
    if (event.type === 'tool-call' && event.call.status === 'waiting') return this.soon();
    if (event.type === 'status') {
      this.track(event.status);
      // the run started, paused or ended: show it now. This happens once per command,
      // not once per step (a run stays `running` from step to step)
      return this.soon();
    }
    // structural events go through the frame timer: a fast model can finish hundreds of
    // steps between two frames, and one update per step would re-render the app per step
    this.later();
  }

  private soon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, 0);
  }

  private track(status: RunStatus): void {
    if (status === 'running' && this.runningSince === null) this.runningSince = this.now();
    if (status !== 'running' && this.runningSince !== null) {
      this.activeMs += this.now() - this.runningSince;
      this.runningSince = null;
    }
  }

  private later(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush();
    }, this.flushMs);
  }

  /** Publishes the run's current state now. */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.view = this.build(this.view);
    for (const listener of this.listeners) listener();
  }

  private build(previous: RunView | null): RunView {
    return buildView(this.run.state, previous, { partials: this.partials, activeMs: this.activeMs, runningSince: this.runningSince });
  }
}

/** A view of a saved session's state, shown before its run exists (no flash of empty steps on reopening). */
export function savedView(state: RunState): RunView {
  return buildView(state, null, { partials: {}, activeMs: 0, runningSince: null });
}

function buildView(state: RunState, previous: RunView | null, live: Pick<RunView, 'partials' | 'activeMs' | 'runningSince'>): RunView {
  const records: Record<string, StepRecord> = {};
  let streamingTokens = 0;
  for (const [key, record] of Object.entries(state.steps)) {
    const copy = previous?.records[key];
    records[key] = copy && sameFields(copy, record) ? copy : { ...record };
    if (record.status !== 'running') continue;
    // GenObject streams a partial object, GenText text: both are estimated from their characters
    const partial = live.partials[key];
    if (partial !== undefined) streamingTokens += Math.ceil((JSON.stringify(partial)?.length ?? 0) / 4);
    else if (record.partial) streamingTokens += Math.ceil(record.partial.length / 4);
  }
  const history: Record<string, StepVersion[]> = {};
  for (const [key, versions] of Object.entries(state.history ?? {})) {
    // versions are never changed once written, so the same list of the same versions is the same history
    const copy = previous?.history[key];
    history[key] = copy && sameList(copy, versions) ? copy : [...versions];
  }
  return {
    status: state.status,
    order: previous && sameList(previous.order, state.order) ? previous.order : [...state.order],
    records,
    next: state.next,
    usage: { ...state.usage },
    streamingTokens,
    error: state.error,
    inputs: state.inputs,
    ...live,
    history,
    pending: state.pending ?? null,
  };
}

function sameFields(copy: StepRecord, record: StepRecord): boolean {
  for (const field of Object.keys(record) as Array<keyof StepRecord>) if (copy[field] !== record[field]) return false;
  return Object.keys(copy).length === Object.keys(record).length;
}

function sameList<T>(a: T[], b: T[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}
