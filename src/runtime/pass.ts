// One pass of a run over the workflow: the walk host that parks at the gate, executes
// actions and records their results. A command that changes what the walk would do stops
// the pass and starts a new one; a stopped pass only unwinds (its identity replaces a
// generation counter: whatever a stopped pass still does, it does not restart the run).
import type { Workflow } from '../compiler/types.js';
import type { Sandbox } from '../sandbox/types.js';
import type { GenerateRequest, GenerateResult, ToolCallRequest, ToolReply } from '../models/types.js';
import type { LeafExecutor } from '../actions/types.js';
import type { StepError } from '../actions/errors.js';
import type { ToolRegistry } from '../tools/registry.js';
import type { ToolGate } from '../tools/gate.js';
import type { HostLimits } from '../limits.js';
import type { RunEvent, RunState, RunStatus, StepRecord } from './types.js';
import type { RunGate } from './run-gate.js';
import type { StepVersions } from './step-versions.js';
import { StepFailed, WalkAborted, walkWorkflow, type RunSetup, type StreamSink, type WalkHost } from './walk.js';
import { blankRecord, isRecordOf, runningRecord, type ExecuteBase, type RecordBase, type StepRecords } from './step-records.js';
import { IDLE } from './gate-mode.js';
import { redact } from '../models/secrets.js';
import { isBlockAction } from '../compiler/action-specs.js';
import { jsonSize, textSize } from '../json-size.js';
import { outputTooLarge } from './limit-errors.js';

/** What a pass shares with its run, and so with the passes before and after it. */
export interface PassContext {
  readonly setup: RunSetup;
  readonly state: RunState;
  readonly records: StepRecords;
  readonly versions: StepVersions;
  readonly tools: ToolGate<StepRecord>;
  readonly gate: RunGate;
  /** the latest partial object of each GenObject step streaming now (a late subscriber starts from it) */
  readonly partialObjects: Map<string, unknown>;
  readonly emit: (event: RunEvent) => void;
  readonly setStatus: (status: RunStatus) => void;
  readonly notifyIdle: () => void;
  /** adds to what the run saves; over limits.saved it throws the step's failure */
  readonly count: (as: string, bytes: number) => void;
  /** true, once, when a new file version or new inputs arrived while a step ran */
  readonly takeRestartAtGate: () => boolean;
  /** queues a new pass */
  readonly restart: () => void;
}

export class Pass implements WalkHost {
  readonly sandbox: Sandbox;
  readonly generate: RunSetup['generate'];
  readonly executors: Map<string, LeafExecutor>;
  readonly modelOverride: string | null;
  readonly defaultModel: string | null;
  readonly limits: HostLimits;
  readonly toolRegistry: ToolRegistry;
  private stopped = false;
  /** cancels the step this pass is running, null between steps */
  private running: AbortController | null = null;

  constructor(private readonly run: PassContext) {
    ({ sandbox: this.sandbox, generate: this.generate, executors: this.executors, modelOverride: this.modelOverride, defaultModel: this.defaultModel, limits: this.limits, toolRegistry: this.toolRegistry } = run.setup);
  }

  /** Whether a step of this pass is running now (a change waits for the gate rather than cancel it). */
  get stepRunning(): boolean {
    return this.running !== null;
  }

  /** Cancels the running step; the pass parks at it again. */
  cancelStep(): void {
    this.running?.abort();
  }

  /** Ends this pass: the running step is cancelled, and the pass unwinds at the gate. */
  stop(): void {
    this.stopped = true;
    this.running?.abort();
  }

  /** Walks the workflow once; ends with `done`, unless the pass was stopped or aborted. */
  async walk(workflow: Workflow, inputs: Record<string, unknown>): Promise<void> {
    const { state, records, gate } = this.run;
    try {
      await walkWorkflow(this, workflow, inputs);
      records.syncOrder(true);
      state.next = null;
      gate.mode = IDLE;
      this.run.setStatus('done');
      this.run.emit({ type: 'done', ok: true, error: null });
    } catch (error) {
      if (error instanceof WalkAborted || this.stopped) return;
      if (!(error instanceof StepFailed)) state.error = { message: `internal error: ${(error as Error)?.stack ?? error}`, step: null, line: null };
      records.syncOrder();
      gate.mode = IDLE;
      this.run.setStatus('failed');
      this.run.emit({ type: 'done', ok: false, error: state.error });
    }
    // a save (or new inputs) during the last step found no gate after it: apply it now, so the
    // steps it changed show stale; the gate is idle, so nothing runs until the next command
    if (this.run.takeRestartAtGate()) this.run.restart();
  }

  // ---- the gate ----

  async permit(key: string, phase: number, prompt: string): Promise<void> {
    const { state, records, gate, tools } = this.run;
    for (;;) {
      if (this.run.takeRestartAtGate()) {
        this.run.restart();
        throw new WalkAborted();
      }
      // a pass stopped between two steps never parks: the command that stopped it waits for it to end
      if (this.stopped) throw new WalkAborted();
      const { allowed, stepping } = gate.admit(phase);
      // a step let through by `n` or `p` asks before each tool call; by `c`, it does not
      if (allowed) {
        tools.stepping = stepping;
        break;
      }
      state.next = key;
      state.pending = { key, prompt };
      records.markUnvisitedStale();
      // a Loop that only opened to reach its first body step has run nothing yet: still ready
      this.run.setStatus(state.order.some((k) => hasRun(state.steps[k])) ? 'paused' : 'ready');
      this.run.emit({ type: 'paused', next: key });
      await gate.park(phase, () => this.run.notifyIdle());
      if (this.stopped) throw new WalkAborted();
    }
    state.next = null;
    state.pending = null;
    gate.passed();
    this.run.setStatus('running');
  }

  // ---- the walk host ----

  callTool(record: StepRecord, offered: string[], call: ToolCallRequest, signal: AbortSignal): Promise<ToolReply> {
    return this.run.tools.call(record, offered, call, signal);
  }

  visit(key: string): void {
    this.run.records.visit(key);
  }

  reuse(key: string, base: ExecuteBase): StepRecord | null {
    return this.run.versions.reuse(key, base);
  }

  count(as: string, bytes: number): void {
    this.run.count(as, bytes);
  }

  async execute(key: string, base: ExecuteBase, run: Parameters<WalkHost['execute']>[2]): Promise<StepRecord> {
    const { state, records, versions, partialObjects, emit } = this.run;
    records.markUnvisitedStale(key);
    const previous = state.steps[key];
    const record = runningRecord(base, previous, versions.rejected(key));
    records.put(record);
    emit({ type: 'step-start', key, record });
    for (const message of record.warnings) emit({ type: 'warning', key, message: redact(message) });
    const abort = new AbortController();
    this.running = abort;
    const limit = this.limits.output;
    const as = record.as ?? key;
    // output past the limit stops the generation at once: nothing more is kept or shown
    let overLimit: StepError | null = null;
    let streamed = 0;
    const stop = (bytes: number) => {
      overLimit = outputTooLarge(as, bytes, limit, true);
      abort.abort();
    };
    const stream: StreamSink = {
      text: (delta) => {
        if (overLimit) return;
        streamed += textSize(delta);
        if (streamed > limit) return stop(streamed);
        record.partial = (record.partial ?? '') + delta;
        emit({ type: 'text-delta', key, delta });
      },
      object: (partial) => {
        if (overLimit) return;
        const bytes = jsonSize(partial, limit);
        if (bytes > limit) return stop(bytes);
        partialObjects.set(key, partial);
        emit({ type: 'object-delta', key, partial });
      },
    };
    try {
      await run(record, abort.signal, stream).finally(() => partialObjects.delete(key));
      if (overLimit) throw overLimit;
      const output = record.output;
      // measured in full (the value exists already) so the message says how large it is
      const outputBytes = typeof output === 'string' ? textSize(output) : jsonSize(output);
      if (outputBytes > limit) throw outputTooLarge(as, outputBytes, limit);
      this.count(as, outputBytes + jsonSize(record.messages, this.limits.saved));
    } catch (error) {
      record.endedAt = Date.now();
      if (overLimit) {
        records.fail(record, overLimit);
        throw new StepFailed();
      }
      if (abort.signal.aborted) {
        versions.cancelled(record, previous);
        // a plain cancel: park at this step again; a stopped pass leaves that to the command that stopped it
        if (!this.stopped) this.run.restart();
        throw new WalkAborted();
      }
      records.fail(record, error);
      throw new StepFailed();
    } finally {
      this.running = null;
    }
    record.status = 'done';
    record.endedAt = Date.now();
    record.partial = undefined;
    versions.generated(record);
    state.usage = {
      inputTokens: state.usage.inputTokens + record.usage.inputTokens,
      outputTokens: state.usage.outputTokens + record.usage.outputTokens,
    };
    emit({ type: 'step-end', key, record });
    emit({ type: 'history', key, restored: false });
    emit({ type: 'usage', usage: state.usage });
    return record;
  }

  fail(key: string, base: RecordBase, error: unknown): never {
    const record = blankRecord(key, base);
    this.run.records.put(record);
    this.run.emit({ type: 'step-start', key, record });
    this.run.records.fail(record, error);
    throw new StepFailed();
  }

  block(key: string, base: RecordBase, output?: unknown): void {
    const { state, records, emit } = this.run;
    const done = arguments.length > 2;
    const existing = state.steps[key];
    // a record left at this key by another step (the file changed) is not this block's: it
    // would carry that step's fingerprint, and the step would take the block's output as its own
    const own = isRecordOf(existing, base.action, base.as) && existing.status !== 'failed';
    const record = own ? existing : blankRecord(key, base);
    Object.assign(record, base, { status: done ? 'done' : 'running', stale: false, output: done ? output : record.output, error: null, endedAt: done ? Date.now() : null });
    if (done) {
      delete record.progress;
      state.steps[key] = record;
      emit({ type: 'step-end', key, record });
    } else {
      records.put(record);
      emit({ type: 'step-start', key, record });
    }
  }

  progress(key: string, done: number, total: number | null): void {
    const record = this.run.state.steps[key];
    if (!record || record.status !== 'running') return;
    record.progress = { done, total };
    this.run.emit({ type: 'progress', key });
  }

  trailing(key: string, stepId: string, phase: number, prompt: string): void {
    const record = blankRecord(key, { stepId, phase, prompt });
    record.status = 'done';
    this.run.state.steps[key] = record;
    this.visit(key);
  }
}

/** The record stands for something that ran: a finished step, or an action that is not a block. */
function hasRun(record: StepRecord | undefined): boolean {
  return Boolean(record?.action) && (record!.status !== 'running' || !isBlockAction(record!.action));
}
