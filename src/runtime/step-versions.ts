// How commands and the pass change what a step shows, so that no result is lost: each
// generation, edit, restore and cancelled partial becomes a version in the step's history,
// and a result that still holds (same fingerprint) comes back instead of a model call.
import type { Attempt, RunEvent, RunState, StepRecord } from './types.js';
import { isRecordOf, type ExecuteBase, type StepRecords } from './step-records.js';
import { recordFromVersion, StepHistory, versionOf } from './step-history.js';

export class StepVersions {
  private readonly history: StepHistory;
  /** steps the author asked to generate again (rerun, feedback): never reused until they ran */
  private forced = new Map<string, { rejected?: Attempt }>();

  constructor(
    private readonly state: RunState,
    private readonly records: StepRecords,
    private readonly emit: (event: RunEvent) => void,
  ) {
    this.history = new StepHistory(state);
  }

  has(key: string, id: number): boolean {
    return this.history.find(key, id) !== undefined;
  }

  /** The step calls the model on its next run; with feedback, `record`'s output is the rejected attempt. */
  force(record: StepRecord, instruction?: string): void {
    this.forced.set(record.key, instruction === undefined ? {} : { rejected: { output: record.output, feedback: instruction } });
  }

  /** The attempt a feedback regeneration adds to the step's rejected ones, if one is waiting. */
  rejected(key: string): Attempt | undefined {
    return this.forced.get(key)?.rejected;
  }

  /** The pass reached a leaf step: its current result, or the newest version in its history, if either still holds. */
  reuse(key: string, base: ExecuteBase): StepRecord | null {
    if (this.forced.has(key)) return null;
    const existing = this.state.steps[key];
    // the action and name too: a session saved by an earlier stepwise may hold a Loop's record with the fingerprint of the step that was here before it
    if (isRecordOf(existing, base.action, base.as) && existing.status === 'done' && existing.fingerprint === base.fingerprint) {
      this.records.visit(key);
      if (existing.stale) {
        existing.stale = false;
        this.emit({ type: 'step-end', key, record: existing });
      }
      return existing;
    }
    const version = this.history.reusable(key, base.fingerprint);
    if (!version) return null;
    const record = recordFromVersion(base, version);
    this.records.put(record);
    this.emit({ type: 'step-end', key, record });
    this.emit({ type: 'history', key, restored: true });
    return record;
  }

  /** A generation finished (the caller emits its step-end first). */
  generated(record: StepRecord): void {
    const feedback = this.feedbackFor(record);
    record.current = this.history.add(record.key, versionOf(record, feedback === undefined ? { why: 'generated' } : { why: 'feedback', feedback })).id;
    this.forced.delete(record.key);
  }

  /** The instruction a feedback regeneration was asked with; undefined for a plain generation. */
  private feedbackFor(record: StepRecord): string | undefined {
    const rejected = this.rejected(record.key);
    return rejected && record.attempts[record.attempts.length - 1] === rejected ? rejected.feedback : undefined;
  }

  /** A generation was stopped: its partial text joins the history, and the result it was replacing comes back. */
  cancelled(record: StepRecord, previous: StepRecord | undefined): void {
    const key = record.key;
    const feedback = this.feedbackFor(record);
    record.current = this.history.add(key, versionOf(record, { why: 'cancelled', partial: record.partial ?? '', ...(feedback === undefined ? {} : { feedback }) })).id;
    record.status = 'cancelled';
    record.partial = undefined;
    this.forced.delete(key);
    this.emit({ type: 'step-cancel', key, record });
    if (previous?.status !== 'done') return void this.emit({ type: 'history', key, restored: false });
    previous.stale = previous.fingerprint !== record.fingerprint;
    this.state.steps[key] = previous;
    this.emit({ type: 'step-end', key, record: previous });
    this.emit({ type: 'history', key, restored: true });
  }

  /** The author's text replaces the output; it keeps the fingerprint of the generation it edited. */
  edited(record: StepRecord, value: unknown): void {
    const version = this.history.add(record.key, { ...versionOf(record, { why: 'edited', from: record.current || undefined }), output: value, edited: true });
    Object.assign(record, { output: value, edited: true, status: 'done', stale: false, error: null, partial: undefined, current: version.id });
    this.forced.delete(record.key);
    this.emit({ type: 'step-end', key: record.key, record });
    this.emit({ type: 'history', key: record.key, restored: false });
  }

  /**
   * Version `id` becomes current again, as a new `restored` version. Returns whether the run
   * holds the step; one it does not (rewound) comes back by fingerprint when the pass reaches it.
   */
  restored(key: string, id: number): boolean {
    const { id: _id, feedback: _feedback, partial, dropped: _dropped, ...chosen } = this.history.find(key, id)!;
    // a cancelled version has only its partial text to give
    const output = chosen.why === 'cancelled' ? (chosen.output ?? partial ?? '') : chosen.output;
    const version = this.history.add(key, { ...chosen, why: 'restored', from: id, output, at: Date.now() });
    const record = this.state.steps[key];
    if (record) {
      Object.assign(record, recordFromVersion({ ...record }, version), { warnings: record.warnings });
      this.forced.delete(key);
      this.emit({ type: 'step-end', key, record });
    }
    this.emit({ type: 'history', key, restored: true });
    return record !== undefined;
  }

  /** A rewind took the step out of the run: its versions stay, marked dropped. */
  dropped(record: StepRecord): void {
    this.forced.delete(record.key);
    if (this.history.drop(record)) this.emit({ type: 'history', key: record.key, restored: false });
  }
}
