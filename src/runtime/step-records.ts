// The run's step records: which a pass has visited, the execution order, and stale
// marking. A pass visits steps in document order, so a record it has not reached yet is
// "later" than every step it has.
import type { Attempt, RunEvent, RunState, StepRecord } from './types.js';
import { toStepFailure } from './step-failure.js';

export type RecordBase = Partial<StepRecord> & { stepId: string; phase: number };
/** What the walk knows of an action before it runs. */
export type ExecuteBase = Omit<StepRecord, 'status' | 'output' | 'usage' | 'startedAt' | 'endedAt' | 'error' | 'edited' | 'attempts' | 'stale' | 'partial' | 'current'>;

/**
 * Whether `record` is the result of the step written as `action` with `as`. A key names a
 * place in the document: after the file changes (or a session saved by an older stepwise is
 * resumed) the record at a key may be another step's, such as a Loop's where a GenText is now.
 */
export function isRecordOf(record: StepRecord | undefined, action: string | null | undefined, as: string | null | undefined): record is StepRecord {
  return record !== undefined && record.action === action && record.as === as;
}

export function blankRecord(key: string, base: RecordBase): StepRecord {
  return {
    key,
    action: null,
    as: null,
    prompt: '',
    messages: [],
    model: null,
    warnings: [],
    fingerprint: '',
    ...base,
    status: 'running',
    stale: false,
    edited: false,
    attempts: [],
    usage: { inputTokens: 0, outputTokens: 0 },
    startedAt: Date.now(),
    endedAt: null,
    error: null,
    current: 0,
  };
}

/**
 * What an action that starts running records; a rerun of the same prompt keeps its feedback
 * attempts, and a feedback regeneration adds the rejected one (a new array: the version it
 * rejects keeps its own).
 */
export function runningRecord(base: ExecuteBase, previous: StepRecord | undefined, rejected?: Attempt): StepRecord {
  const same = previous && previous.fingerprint === base.fingerprint;
  return {
    ...blankRecord(base.key, base),
    output: undefined,
    partial: '',
    attempts: !same ? [] : rejected ? [...previous.attempts, rejected] : previous.attempts,
  };
}

export class StepRecords {
  /** keys visited by the current pass, in order */
  private visited: string[] = [];

  constructor(
    private readonly state: RunState,
    private readonly emit: (event: RunEvent) => void,
  ) {}

  /** A new pass starts from the top. */
  reset(): void {
    this.visited = [];
  }

  visit(key: string): void {
    this.visited.push(key);
  }

  /** Stores a record the pass reached and puts it in order. */
  put(record: StepRecord): void {
    this.state.steps[record.key] = record;
    this.visit(record.key);
    this.syncOrder();
  }

  fail(record: StepRecord, error: unknown): void {
    record.status = 'failed';
    record.endedAt = Date.now();
    record.partial = undefined;
    record.error = toStepFailure(error);
    this.state.error = { message: record.error.message, step: record.as, line: record.error.line };
    this.emit({ type: 'step-error', key: record.key, record });
  }

  /** Execution order: this pass's visits, then results not reached yet (they are stale). */
  syncOrder(final = false): void {
    const seen = new Set(this.visited);
    const rest = final ? [] : this.state.order.filter((key) => !seen.has(key) && this.state.steps[key]);
    if (final) for (const key of this.state.order) if (!seen.has(key)) delete this.state.steps[key];
    this.state.order = [...new Set([...this.visited, ...rest])];
  }

  /** Once a step has to run, every result the pass has not reached is out of date. */
  markUnvisitedStale(except?: string): void {
    const seen = new Set(this.visited);
    this.markEach(this.state.order.filter((key) => !seen.has(key) && key !== except), (record) => record.status === 'done');
  }

  /** Re-running, editing or rewinding a step makes every later result stale. */
  markStale(key: string, includeSelf: boolean): void {
    const index = this.state.order.indexOf(key);
    this.markEach(this.state.order.slice(includeSelf ? index : index + 1), () => true);
  }

  private markEach(keys: string[], eligible: (record: StepRecord) => boolean): void {
    const marked: string[] = [];
    for (const key of keys) {
      const record = this.state.steps[key];
      if (record?.action && !record.stale && eligible(record)) {
        record.stale = true;
        marked.push(key);
      }
    }
    if (marked.length) this.emit({ type: 'stale', keys: marked });
  }
}
