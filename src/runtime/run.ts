// A run of a compiled workflow: the author's commands, queued so each sees the one before
// done, and the lifecycle of its passes (src/runtime/pass.ts walks; src/runtime/run-gate.ts
// holds how far the author let it go). Front ends hold it as a RunHandle.
import type { Workflow } from '../compiler/types.js';
import type { Sandbox } from '../sandbox/types.js';
import type { GenerateRequest, GenerateResult } from '../models/types.js';
import type { LeafExecutor } from '../actions/types.js';
import type { RunEvent, RunListener, RunState, RunStatus, StepRecord, ToolAnswer } from './types.js';
import type { RunHandle } from './run-handle.js';
import { ToolRegistry } from '../tools/registry.js';
import { ToolGate } from '../tools/gate.js';
import { StepRecords } from './step-records.js';
import { IDLE, type Mode } from './gate-mode.js';
import { RunGate } from './run-gate.js';
import { Pass, type PassContext } from './pass.js';
import type { RunSetup } from './walk.js';
import { initialState } from './initial-state.js';
import { StepVersions } from './step-versions.js';
import { hostLimits, type HostLimits } from '../limits.js';
import { jsonSize } from '../json-size.js';
import { savedTooLarge } from './limit-errors.js';
import type { StepPreview } from './preview.js';
import { StepPreviews } from './step-previews.js';

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

export class Run implements RunHandle {
  readonly state: RunState;
  private workflow: Workflow;
  /** what every pass is made with */
  private readonly setup: RunSetup;
  private readonly tools: ToolGate<StepRecord>;
  private readonly gate = new RunGate();
  /** what every pass works with */
  private readonly context: PassContext;
  private listeners = new Set<RunListener>();
  /** the latest pass, and the promise of its walk while it lasts */
  private current: Pass | null = null;
  private walking: Promise<void> | null = null;
  private queue: Promise<void> = Promise.resolve();
  private idleWaiters: Array<() => void> = [];
  /** a new file version or new inputs arrived while a step ran: start over at the next gate */
  private restartAtGate = false;
  /** bytes this run's session holds: results, their messages, Loop results (limits.saved) */
  private saved = 0;
  private readonly previews = new StepPreviews();

  constructor(options: RunOptions) {
    this.workflow = options.workflow;
    const { sandbox, generate, executors } = options;
    const toolRegistry = options.tools ?? new ToolRegistry();
    const limits = options.limits ?? hostLimits();
    this.setup = { sandbox, generate, executors, modelOverride: options.modelOverride ?? null, defaultModel: options.defaultModel ?? null, limits, toolRegistry };
    const emit = (event: RunEvent) => this.emit(event);
    const notifyIdle = () => this.notifyIdle();
    this.tools = new ToolGate<StepRecord>({
      registry: toolRegistry,
      refuse: options.noTools ?? false,
      maxResult: limits.output,
      onCall: (record, call) => emit({ type: 'tool-call', key: record.key, record, call }),
      onWait: notifyIdle,
    });
    this.state = initialState(options.workflow, options.inputs, options.state);
    // a resumed session's history is saved again with everything this run adds
    if (options.state) this.saved = jsonSize(options.state.history);
    const records = new StepRecords(this.state, emit);
    this.context = {
      setup: this.setup,
      state: this.state,
      records,
      versions: new StepVersions(this.state, records, emit),
      tools: this.tools,
      gate: this.gate,
      partialObjects: new Map(),
      emit,
      setStatus: (status) => this.setStatus(status),
      notifyIdle,
      count: (as, bytes) => this.count(as, bytes),
      takeRestartAtGate: () => {
        const restart = this.restartAtGate;
        this.restartAtGate = false;
        return restart;
      },
      restart: () => this.enqueue(async () => this.restart()),
    };
  }

  /** the expression sandbox (a test counts its evaluations) */
  get sandbox(): Sandbox {
    return this.setup.sandbox;
  }

  subscribe(listener: RunListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.enqueue(async () => this.restart());
  }

  async idle(): Promise<void> {
    for (;;) {
      const queued = this.queue;
      await queued;
      if (queued !== this.queue) continue;
      if (!this.walking || this.gate.parked || this.tools.isWaiting()) return;
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    }
  }

  dispose(): void {
    this.current?.stop();
    this.gate.wakeUp();
    this.setup.sandbox.dispose();
  }

  partialObject(key: string): unknown {
    return this.context.partialObjects.get(key);
  }

  /** Memoised until the run's state changes, so the UI may ask on every render. */
  preview(key: string): StepPreview | null {
    return this.previews.get(key, () => ({ ...this.setup, workflow: this.workflow, state: this.state }));
  }

  // ---- commands ----

  next(): void {
    this.go({ kind: 'count', count: 1 });
  }

  runPhase(): void {
    this.enqueue(async () => {
      this.gate.mode = { kind: 'phase', phase: this.gate.waitingPhase ?? 0 };
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
    this.gate.mode = IDLE;
  }

  cancel(): void {
    this.gate.mode = IDLE;
    this.current?.cancelStep();
  }

  rerun(key: string): void {
    this.enqueue(async () => {
      const record = this.state.steps[key];
      if (!record) return;
      this.context.versions.force(record);
      this.context.records.markStale(key, true);
      this.gate.mode = { kind: 'count', count: 1 };
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
      this.context.versions.edited(record, value);
      this.context.records.markStale(key, false);
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
      this.context.versions.force(record, instruction);
      this.context.records.markStale(key, true);
      this.gate.mode = { kind: 'count', count: 1 };
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
        if (record) this.context.versions.dropped(record);
      }
      this.state.order = this.state.order.slice(0, index);
      this.gate.mode = IDLE;
      await this.restart();
    });
  }

  restore(key: string, id: number): void {
    this.enqueue(async () => {
      if (!this.context.versions.has(key, id)) return;
      await this.stop();
      if (this.context.versions.restored(key, id)) this.context.records.markStale(key, false);
      await this.restart();
    });
  }

  update(change: { workflow?: Workflow; inputs?: Record<string, unknown> }): void {
    this.enqueue(async () => {
      if (change.workflow) {
        this.workflow = change.workflow;
        this.state.title = change.workflow.title;
      }
      if (change.inputs) this.state.inputs = change.inputs;
      this.previews.forget();
      if (this.current?.stepRunning) return void (this.restartAtGate = true);
      await this.restart();
    });
  }

  // ---- passes ----

  private go(mode: Mode): void {
    this.enqueue(async () => {
      this.gate.mode = mode;
      await this.resume();
    });
  }

  /** Wakes a waiting pass, or starts a new one when the last pass ended (done, failed, cancelled). */
  private async resume(): Promise<void> {
    if (this.gate.parked) this.gate.wakeUp();
    else if (!this.walking) await this.restart();
  }

  /** Ends the current pass and waits until it has unwound. */
  private async stop(): Promise<void> {
    this.current?.stop();
    this.gate.wakeUp();
    await this.walking;
  }

  private async restart(): Promise<void> {
    const mode = this.gate.mode;
    await this.stop();
    this.gate.mode = mode;
    this.state.error = null;
    this.state.pending = null;
    this.context.records.reset();
    const pass = new Pass(this.context);
    this.current = pass;
    const walking = pass.walk(this.workflow, this.state.inputs);
    this.walking = walking;
    walking.finally(() => {
      if (this.walking === walking) this.walking = null;
      this.notifyIdle();
    });
  }

  /** Adds `bytes` to what this run saves; over limits.saved it throws the step's failure (nothing is added). */
  private count(as: string, bytes: number): void {
    const total = this.saved + bytes;
    const { limits } = this.setup;
    if (total > limits.saved) throw savedTooLarge(as, total, limits.saved);
    this.saved = total;
  }

  private setStatus(status: RunStatus): void {
    if (this.state.status === status) return;
    this.state.status = status;
    this.emit({ type: 'status', status });
  }

  private emit(event: RunEvent): void {
    if (event.type !== 'text-delta' && event.type !== 'object-delta') this.previews.forget();
    for (const listener of this.listeners) listener(event);
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
