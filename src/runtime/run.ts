// A run of a compiled workflow: the author's commands, the gate that lets one action
// (or a phase, or everything) through, and the events both front ends render.
import type { Workflow } from '../compiler/types.js';
import type { Sandbox } from '../sandbox/types.js';
import type { GenerateRequest, GenerateResult } from '../models/types.js';
import type { LeafExecutor } from '../actions/types.js';
import type { RunCommands, RunEvent, RunListener, RunState, RunStatus, StepRecord, ToolAnswer } from './types.js';
import type { ToolCallRequest, ToolReply } from '../models/types.js';
import { ToolRegistry } from '../tools/registry.js';
import { ToolGate } from '../tools/gate.js';
import { StepFailed, WalkAborted, walkWorkflow, type StreamSink, type WalkHost } from './walk.js';
import { blankRecord, runningRecord, StepRecords, type ExecuteBase, type RecordBase } from './step-records.js';
import { admit, IDLE, type Mode } from './gate-mode.js';
import { redact } from '../models/secrets.js';
import { initialState } from './initial-state.js';
import { StepVersions } from './step-versions.js';
import { hostLimits, type HostLimits } from '../limits.js';
import { jsonSize, textSize } from '../json-size.js';
import { outputTooLarge, savedTooLarge } from './limit-errors.js';
import type { StepError } from '../actions/errors.js';
import { previewStep, type StepPreview } from './preview.js';
import type { RenderedContent } from './render.js';

export interface RunOptions {
  workflow: Workflow;
  inputs: Record<string, unknown>;
  sandbox: Sandbox;
  generate: (request: GenerateRequest) => Promise<GenerateResult>;
  executors: Map<string, LeafExecutor>;
  modelOverride?: string | null;
  defaultModel?: string | null;
  /** a saved run to resume: its results are kept where they still hold */
  state?: RunState;
  /** the host limits (src/limits.ts), the config's over the defaults */
  limits?: HostLimits;
  /** the tools of stepwise.config */
  tools?: ToolRegistry;
  /** --no-tools: every tool call is refused */
  noTools?: boolean;
}

export class Run implements RunCommands, WalkHost {
  readonly state: RunState;
  readonly sandbox: Sandbox;
  readonly generate: (request: GenerateRequest) => Promise<GenerateResult>;
  readonly executors: Map<string, LeafExecutor>;
  readonly modelOverride: string | null;
  readonly defaultModel: string | null;
  readonly limits: HostLimits;
  readonly toolRegistry: ToolRegistry;
  private readonly tools: ToolGate<StepRecord>;
  private workflow: Workflow;
  private listeners = new Set<RunListener>();
  private mode: Mode = IDLE;
  private generation = 0;
  private walking: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private waitingPhase: number | null = null;
  private abort: AbortController | null = null;
  private readonly records: StepRecords;
  private readonly versions: StepVersions;
  private queue: Promise<void> = Promise.resolve();
  /** the latest partial object of each GenObject step streaming now (a late subscriber starts from it) */
  private readonly partialObjects = new Map<string, unknown>();
  private idleWaiters: Array<() => void> = [];
  /** a new file version or new inputs arrived while a step ran: start over at the next gate */
  private restartAtGate = false;
  /** bytes this run's session holds: results, their messages, Loop results (limits.saved) */
  private saved = 0;
  /** previews of the current state, by step key; every event but streamed text clears them */
  private previews = new Map<string, StepPreview | null>();
  /** the prompts those previews rendered, so a phase's earlier steps render once for all of them */
  private previewed = new Map<string, RenderedContent>();

  constructor(options: RunOptions) {
    this.workflow = options.workflow;
    this.sandbox = options.sandbox;
    this.generate = options.generate;
    this.executors = options.executors;
    this.modelOverride = options.modelOverride ?? null;
    this.defaultModel = options.defaultModel ?? null;
    this.limits = options.limits ?? hostLimits();
    this.toolRegistry = options.tools ?? new ToolRegistry();
    this.tools = new ToolGate<StepRecord>({
      registry: this.toolRegistry,
      refuse: options.noTools ?? false,
      maxResult: this.limits.output,
      onCall: (record, call) => this.emit({ type: 'tool-call', key: record.key, record, call }),
      onWait: () => this.notifyIdle(),
    });
    this.state = initialState(options.workflow, options.inputs, options.state);
    // a resumed session's history is saved again with everything this run adds
    if (options.state) this.saved = jsonSize(options.state.history);
    this.records = new StepRecords(this.state, (event) => this.emit(event));
    this.versions = new StepVersions(this.state, this.records, (event) => this.emit(event));
  }

  subscribe(listener: RunListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts the first pass: reuses what a resumed state still holds, then waits for a command. */
  start(): void {
    this.enqueue(async () => this.restart());
  }

  /** Resolves when the run is waiting for a command (a tool call's answer too), or finished. */
  async idle(): Promise<void> {
    for (;;) {
      const queued = this.queue;
      await queued;
      if (queued !== this.queue) continue;
      if (!this.walking || this.wake || this.tools.isWaiting()) return;
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    }
  }

  /** Stops the run and frees the expression sandbox. */
  dispose(): void {
    this.generation += 1;
    this.abort?.abort();
    this.wakeUp();
    this.sandbox.dispose();
  }

  /** The partial object a GenObject step has streamed so far (undefined when none streams). */
  partialObject(key: string): unknown {
    return this.partialObjects.get(key);
  }

  /**
   * What the step `key` would send if it ran now: its prompt and messages with the inputs
   * and the results that hold, `{expr}` where a value does not exist yet. No model is
   * called and nothing changes; memoised until the run's state changes, so the UI may ask
   * on every render. Null when the workflow has no such action step.
   */
  preview(key: string): StepPreview | null {
    if (this.previews.has(key)) return this.previews.get(key)!;
    let preview: StepPreview | null = null;
    try {
      preview = previewStep({ workflow: this.workflow, state: this.state, sandbox: this.sandbox, modelOverride: this.modelOverride, defaultModel: this.defaultModel, rendered: this.previewed }, key);
    } catch {
      // a preview is a courtesy: a sandbox that is gone (the run was disposed) shows none
    }
    this.previews.set(key, preview);
    return preview;
  }

  // ---- commands ----

  next(): void {
    this.go({ kind: 'count', count: 1 });
  }

  runPhase(): void {
    this.enqueue(async () => {
      this.mode = { kind: 'phase', phase: this.waitingPhase ?? 0 };
      await this.resume();
    });
  }

  continue(): void {
    this.go({ kind: 'all' });
    // `c` while a tool call waits: it runs, and so does every later one
    this.enqueue(async () => this.tools.approveAll());
  }

  answerTool(key: string, id: string, answer: ToolAnswer): void {
    this.tools.answer(key, id, answer);
  }

  pause(): void {
    this.mode = IDLE;
  }

  cancel(): void {
    this.mode = IDLE;
    this.abort?.abort();
  }

  rerun(key: string): void {
    this.enqueue(async () => {
      const record = this.state.steps[key];
      if (!record) return;
      this.versions.force(record);
      this.records.markStale(key, true);
      this.mode = { kind: 'count', count: 1 };
      await this.restart();
    });
  }

  edit(key: string, value: unknown): void {
    this.enqueue(async () => {
      if (!this.state.steps[key]) return;
      await this.stop();
      // stopping may have put the previous result back in place of a running one
      const record = this.state.steps[key];
      if (!record) return;
      this.versions.edited(record, value);
      this.records.markStale(key, false);
      await this.restart();
    });
  }

  feedback(key: string, instruction: string): void {
    this.enqueue(async () => {
      if (!this.state.steps[key]) return;
      await this.stop();
      const record = this.state.steps[key];
      if (!record) return;
      // the record keeps its attempts: a cancelled regeneration shows it exactly as it was
      this.versions.force(record, instruction);
      this.records.markStale(key, true);
      this.mode = { kind: 'count', count: 1 };
      await this.restart();
    });
  }

  rewind(key: string): void {
    this.enqueue(async () => {
      if (this.state.order.indexOf(key) < 0) return;
      await this.stop();
      const index = this.state.order.indexOf(key);
      if (index < 0) return;
      for (const dropped of this.state.order.slice(index)) {
        const record = this.state.steps[dropped];
        delete this.state.steps[dropped];
        if (record) this.versions.dropped(record);
      }
      this.state.order = this.state.order.slice(0, index);
      this.mode = IDLE;
      await this.restart();
    });
  }

  restore(key: string, id: number): void {
    this.enqueue(async () => {
      if (!this.versions.has(key, id)) return;
      await this.stop();
      if (this.versions.restored(key, id)) this.records.markStale(key, false);
      await this.restart();
    });
  }

  /** A new version of the file or new inputs: results whose inputs did not change are kept. */
  update(change: { workflow?: Workflow; inputs?: Record<string, unknown> }): void {
    this.enqueue(async () => {
      if (change.workflow) {
        this.workflow = change.workflow;
        this.state.title = change.workflow.title;
      }
      if (change.inputs) this.state.inputs = change.inputs;
      this.forgetPreviews();
      if (this.abort) return void (this.restartAtGate = true);
      await this.restart();
    });
  }

  // ---- the gate ----

  async permit(key: string, phase: number, prompt: string): Promise<void> {
    const generation = this.generation;
    for (;;) {
      if (this.restartAtGate) {
        this.restartAtGate = false;
        this.enqueue(async () => this.restart());
        throw new WalkAborted();
      }
      if (this.allows(phase)) break;
      this.state.next = key;
      this.state.pending = { key, prompt };
      this.waitingPhase = phase;
      this.records.markUnvisitedStale();
      this.setStatus(this.state.order.some((k) => this.state.steps[k]?.action) ? 'paused' : 'ready');
      this.emit({ type: 'paused', next: key });
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.notifyIdle();
      });
      if (generation !== this.generation) throw new WalkAborted();
    }
    this.state.next = null;
    this.state.pending = null;
    this.waitingPhase = null;
    this.setStatus('running');
  }

  private allows(phase: number): boolean {
    const stepping = this.mode.kind !== 'all';
    const { allowed, mode } = admit(this.mode, phase);
    this.mode = mode;
    // a step let through by `n` or `p` asks before each tool call; by `c`, it does not
    if (allowed) this.tools.stepping = stepping;
    return allowed;
  }

  // ---- WalkHost ----

  callTool(record: StepRecord, offered: string[], call: ToolCallRequest, signal: AbortSignal): Promise<ToolReply> {
    return this.tools.call(record, offered, call, signal);
  }

  visit(key: string): void {
    this.records.visit(key);
  }

  reuse(key: string, base: ExecuteBase): StepRecord | null {
    return this.versions.reuse(key, base);
  }

  async execute(key: string, base: ExecuteBase, run: Parameters<WalkHost['execute']>[2]): Promise<StepRecord> {
    this.records.markUnvisitedStale(key);
    const previous = this.state.steps[key];
    const record = runningRecord(base, previous, this.versions.rejected(key));
    this.records.put(record);
    this.emit({ type: 'step-start', key, record });
    for (const message of record.warnings) this.emit({ type: 'warning', key, message: redact(message) });
    const abort = new AbortController();
    const generation = this.generation;
    this.abort = abort;
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
        this.emit({ type: 'text-delta', key, delta });
      },
      object: (partial) => {
        if (overLimit) return;
        const bytes = jsonSize(partial, limit);
        if (bytes > limit) return stop(bytes);
        this.partialObjects.set(key, partial);
        this.emit({ type: 'object-delta', key, partial });
      },
    };
    try {
      await run(record, abort.signal, stream).finally(() => this.partialObjects.delete(key));
      if (overLimit) throw overLimit;
      const output = record.output;
      // measured in full (the value exists already) so the message says how large it is
      const outputBytes = typeof output === 'string' ? textSize(output) : jsonSize(output);
      if (outputBytes > limit) throw outputTooLarge(as, outputBytes, limit);
      this.count(as, outputBytes + jsonSize(record.messages, this.limits.saved));
    } catch (error) {
      record.endedAt = Date.now();
      if (overLimit) {
        this.records.fail(record, overLimit);
        throw new StepFailed();
      }
      if (abort.signal.aborted) {
        this.versions.cancelled(record, previous);
        // a plain cancel: park at this step again; a superseding command restarts by itself
        if (generation === this.generation) this.enqueue(async () => this.restart());
        throw new WalkAborted();
      }
      this.records.fail(record, error);
      throw new StepFailed();
    } finally {
      this.abort = null;
    }
    record.status = 'done';
    record.endedAt = Date.now();
    record.partial = undefined;
    this.versions.generated(record);
    this.state.usage = {
      inputTokens: this.state.usage.inputTokens + record.usage.inputTokens,
      outputTokens: this.state.usage.outputTokens + record.usage.outputTokens,
    };
    this.emit({ type: 'step-end', key, record });
    this.emit({ type: 'history', key, restored: false });
    this.emit({ type: 'usage', usage: this.state.usage });
    return record;
  }

  /** Adds `bytes` to what this run saves; over limits.saved it throws the step's failure (nothing is added). */
  count(as: string, bytes: number): void {
    const total = this.saved + bytes;
    if (total > this.limits.saved) throw savedTooLarge(as, total, this.limits.saved);
    this.saved = total;
  }

  fail(key: string, base: RecordBase, error: unknown): never {
    const record = blankRecord(key, base);
    this.records.put(record);
    this.emit({ type: 'step-start', key, record });
    this.records.fail(record, error);
    throw new StepFailed();
  }

  block(key: string, base: RecordBase, output?: unknown): void {
    const done = arguments.length > 2;
    const existing = this.state.steps[key];
    const record = existing && existing.status !== 'failed' ? existing : blankRecord(key, base);
    Object.assign(record, base, { status: done ? 'done' : 'running', stale: false, output: done ? output : record.output, error: null, endedAt: done ? Date.now() : null });
    if (done) {
      delete record.progress;
      this.state.steps[key] = record;
      this.emit({ type: 'step-end', key, record });
    } else {
      this.records.put(record);
      this.emit({ type: 'step-start', key, record });
    }
  }

  progress(key: string, done: number, total: number | null): void {
    const record = this.state.steps[key];
    if (!record || record.status !== 'running') return;
    record.progress = { done, total };
    this.emit({ type: 'progress', key });
  }

  trailing(key: string, stepId: string, phase: number, prompt: string): void {
    const record = blankRecord(key, { stepId, phase, prompt });
    record.status = 'done';
    this.state.steps[key] = record;
    this.visit(key);
  }

  // ---- internals ----

  private go(mode: Mode): void {
    this.enqueue(async () => {
      this.mode = mode;
      await this.resume();
    });
  }

  /** Wakes a waiting pass, or starts a new one when the last pass ended (done, failed, cancelled). */
  private async resume(): Promise<void> {
    if (this.wake) this.wakeUp();
    else if (!this.walking) await this.restart();
  }

  private async stop(): Promise<void> {
    this.generation += 1;
    this.abort?.abort();
    this.wakeUp();
    await this.walking;
  }

  private async restart(): Promise<void> {
    const mode = this.mode;
    await this.stop();
    this.mode = mode;
    this.state.error = null;
    this.state.pending = null;
    const generation = this.generation;
    this.records.reset();
    const pass = this.pass(generation);
    this.walking = pass;
    pass.finally(() => {
      if (this.walking === pass) this.walking = null;
      this.notifyIdle();
    });
  }

  private async pass(generation: number): Promise<void> {
    try {
      await walkWorkflow(this, this.workflow, this.state.inputs);
      this.records.syncOrder(true);
      this.state.next = null;
      this.mode = IDLE;
      this.setStatus('done');
      this.emit({ type: 'done', ok: true, error: null });
    } catch (error) {
      if (error instanceof WalkAborted || generation !== this.generation) return;
      if (!(error instanceof StepFailed)) this.state.error = { message: `internal error: ${(error as Error)?.stack ?? error}`, step: null, line: null };
      this.records.syncOrder();
      this.mode = IDLE;
      this.setStatus('failed');
      this.emit({ type: 'done', ok: false, error: this.state.error });
    }
  }

  private forgetPreviews(): void {
    this.previews.clear();
    this.previewed.clear();
  }

  private setStatus(status: RunStatus): void {
    if (this.state.status === status) return;
    this.state.status = status;
    this.emit({ type: 'status', status });
  }

  private emit(event: RunEvent): void {
    if (event.type !== 'text-delta' && event.type !== 'object-delta') this.forgetPreviews();
    for (const listener of this.listeners) listener(event);
  }

  /** Lets a parked pass continue; cleared at once so `idle()` never sees a stale wake. */
  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private enqueue(operation: () => Promise<void>): void {
    this.queue = this.queue.then(operation).catch((error) => {
      this.state.error = { message: `internal error: ${(error as Error)?.message ?? error}`, step: null, line: null };
      this.emit({ type: 'done', ok: false, error: this.state.error });
    });
  }
}
