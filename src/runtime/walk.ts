// One pass over the workflow, in document order. Results that still hold (same
// fingerprint: the current one, or one from the step's history) are reused; the first
// step that needs running waits at the gate (see run.ts). Every
// change (edit, rerun, new file version, new inputs) starts a fresh pass.
import type { Action, Attribute, Scope, Workflow } from '../compiler/types.js';
import type { Sandbox } from '../sandbox/types.js';
import type { LeafExecutor } from '../actions/types.js';
import type { GenerateRequest, GenerateResult, ToolCallRequest, ToolReply } from '../models/types.js';
import type { ToolRegistry } from '../tools/registry.js';
import { offeredTools, type OfferedTools } from '../actions/offered-tools.js';
import type { StepRecord } from './types.js';
import type { ExecuteBase } from './step-records.js';
import { buildMessages, sentAttributes, type ConversationTurn } from './context.js';
import { evaluateExpression, renderContent, type RenderedContent } from './render.js';
import { StepError } from '../actions/errors.js';
import { fingerprint } from './fingerprint.js';
import { optionalString } from '../actions/attributes.js';
import { ScopeValues } from './scope-values.js';
import type { HostLimits } from '../limits.js';
import { textSize } from '../json-size.js';
import { BLOCK_EXECUTORS } from '../actions/blocks.js';
import { promptTooLarge, roleTooLarge } from './limit-errors.js';
import { inputsForWorkflow } from './inputs.js';
import { missingInputError } from './missing-inputs.js';
import { bodyScope, stepKey } from './step-key.js';

export class WalkAborted extends Error {}

export interface StreamSink {
  text(delta: string): void;
  object(partial: unknown): void;
}
export class StepFailed extends Error {}

/** What a run is made with, the same for every pass. */
export interface RunSetup {
  readonly sandbox: Sandbox;
  readonly generate: (request: GenerateRequest) => Promise<GenerateResult>;
  readonly executors: Map<string, LeafExecutor>;
  readonly modelOverride: string | null;
  readonly defaultModel: string | null;
  readonly limits: HostLimits;
  readonly toolRegistry: ToolRegistry;
}

/** What a pass needs from the run that owns it: its setup, and the steps' bookkeeping. */
export interface WalkHost extends RunSetup {
  /** one tool call of the running step `record` (the gate: ask, run, refuse) */
  callTool(record: StepRecord, offered: string[], call: ToolCallRequest, signal: AbortSignal): Promise<ToolReply>;
  /** adds to what the run saves (limits.saved); throws the step's failure when that goes over */
  count(as: string, bytes: number): void;
  /** marks `key` visited in this pass (keeps execution order) */
  visit(key: string): void;
  /** a result that still holds for this step (its current one, or one from its history), or null when it has to run */
  reuse(key: string, base: ExecuteBase): StepRecord | null;
  /** waits until the author's commands allow running the step (`prompt`: what it would send); throws WalkAborted when the pass is superseded */
  permit(key: string, phase: number, prompt: string): Promise<void>;
  execute(key: string, base: ExecuteBase, run: (record: StepRecord, signal: AbortSignal, stream: StreamSink) => Promise<void>): Promise<StepRecord>;
  fail(key: string, base: Partial<StepRecord> & { stepId: string; phase: number }, error: unknown): never;
  /** a block step (Loop/Cond) starts or ends: its record shows progress */
  block(key: string, base: Partial<StepRecord> & { stepId: string; phase: number }, output?: unknown): void;
  /** a running Loop's iterations: done, and the total when known ahead */
  progress(key: string, done: number, total: number | null): void;
  /** a trailing step: content after the phase's last action, never sent */
  trailing(key: string, stepId: string, phase: number, prompt: string): void;
}

type Names = Record<string, unknown>;

/** What every record of an action step starts from. */
interface StepBase {
  key: string;
  stepId: string;
  action: string;
  as: string;
  phase: number;
  prompt: string;
}

export async function walkWorkflow(host: WalkHost, workflow: Workflow, inputs: Names): Promise<Names> {
  // an input added to the file since the run began: its default, or a clear error where it is read
  const { values, missing } = inputsForWorkflow(workflow.inputs, inputs);
  const names: Names = { ...workflow.data, ...inputs, ...values };
  return walkScope(host, workflow, workflow.root, names, {}, '', null, new Set(missing));
}

async function walkScope(host: WalkHost, workflow: Workflow, scope: Scope, names: Names, helpers: Names, prefix: string, topPhase: number | null, missing: ReadonlySet<string> = new Set()): Promise<Names> {
  const defined: Names = {};
  // live layers: `names` grows as actions finish, so one view serves every step
  const values = new ScopeValues([names, helpers]);
  for (let phaseIndex = 0; phaseIndex < scope.phases.length; phaseIndex++) {
    const phase = topPhase ?? phaseIndex;
    const earlier: ConversationTurn[] = [];
    for (const step of scope.phases[phaseIndex].steps) {
      const key = stepKey(prefix, step);
      let rendered: RenderedContent | null = null;
      let renderError: unknown = missingInputError(step, missing);
      try {
        if (!renderError) rendered = renderContent(step.content, host.sandbox, values);
      } catch (error) {
        renderError = error;
      }
      const action = step.action;
      if (action && rendered) {
        const bytes = textSize(rendered.text);
        if (bytes > host.limits.prompt) renderError = promptTooLarge(action.as, bytes, host.limits.prompt, action.line);
      }
      if (!action) {
        host.trailing(key, step.id, phase, rendered?.text ?? '');
        continue;
      }
      const base: StepBase = { key, stepId: step.id, action: action.name, as: action.as, phase, prompt: rendered?.text ?? '' };
      let result: unknown;
      if (action.kind === 'block') {
        if (renderError) {
          await host.permit(key, phase, base.prompt);
          host.fail(key, base, renderError);
        }
        result = await runBlock(host, workflow, action, key, base, values, helpers, phase);
      } else {
        result = await runLeaf(host, workflow, action, key, base, rendered, renderError, earlier, values);
      }
      names[action.as] = result;
      defined[action.as] = result;
      earlier.push({ prompt: rendered?.text ?? '', parts: rendered?.parts ?? null, result });
    }
  }
  return defined;
}

function evaluateAttributes(host: WalkHost, action: Action, values: ScopeValues, skip: string[] = []): Names {
  const attributes: Names = {};
  for (const [name, attribute] of Object.entries(action.attributes)) {
    if (name === 'as' || skip.includes(name)) continue;
    attributes[name] = evaluateAttribute(host, attribute, values);
  }
  return attributes;
}

function evaluateAttribute(host: WalkHost, attribute: Attribute, values: ScopeValues): unknown {
  if (attribute.kind === 'literal') return attribute.value;
  return evaluateExpression(host.sandbox, attribute.source, values.for(attribute), attribute, attribute.code);
}

/** The model a leaf action calls: --model, its own attribute, the frontmatter's, the config's. */
export function resolveModel(host: Pick<WalkHost, 'modelOverride' | 'defaultModel'>, workflow: Workflow, attributes: Names, as: string): string {
  const model = host.modelOverride ?? optionalString(attributes, 'model') ?? workflow.model ?? host.defaultModel;
  if (!model) {
    throw new StepError(`no model for \`${as}\`: add model="openai:gpt-4o-mini" to the action, a \`model:\` to the frontmatter, or run with --model echo`);
  }
  return model;
}

async function runLeaf(host: WalkHost, workflow: Workflow, action: Action, key: string, base: StepBase, rendered: RenderedContent | null, renderError: unknown, earlier: ConversationTurn[], values: ScopeValues): Promise<unknown> {
  const executor = host.executors.get(action.name);
  let prepared: { attributes: Names; model: string | null; role: string | null; tools: OfferedTools | null } | null = null;
  let problem = renderError;
  if (!problem) {
    try {
      const attributes = evaluateAttributes(host, action, values);
      const needsModel = action.name === 'GenText' || action.name === 'GenObject';
      prepared = {
        attributes,
        model: needsModel ? resolveModel(host, workflow, attributes, action.as) : null,
        role: optionalString(attributes, 'role') ?? null,
        tools: needsModel ? offeredTools(attributes, host.toolRegistry) : null,
      };
      const roleBytes = prepared.role === null ? 0 : textSize(prepared.role);
      if (roleBytes > host.limits.prompt) throw roleTooLarge(action.as, roleBytes, host.limits.prompt, action.line);
    } catch (error) {
      problem = error;
    }
  }
  if (!executor && !problem) problem = new StepError(`unknown action <${action.name}>: is it defined in stepwise.config?`);
  if (problem || !prepared || !rendered) {
    await host.permit(key, base.phase, base.prompt);
    host.fail(key, base, problem);
  }
  const messages = buildMessages({ role: prepared.role, earlier, prompt: rendered.text, parts: rendered.parts });
  const print = fingerprint({ action: action.name, as: action.as, attributes: prepared.attributes, model: prepared.model, messages });
  const executeBase: ExecuteBase = { ...base, messages, model: prepared.model, attributes: sentAttributes(prepared.attributes), warnings: rendered.warnings, fingerprint: print };
  const reused = host.reuse(key, executeBase);
  if (reused) return reused.output;
  await host.permit(key, base.phase, rendered.text);
  const record = await host.execute(key, executeBase, async (record, signal, stream) => {
    const attempts = record.attempts.map((attempt) => ({ rejected: attempt.output, instruction: attempt.feedback }));
    const sent = attempts.length ? buildMessages({ role: prepared.role, earlier, prompt: rendered.text, parts: rendered.parts, feedback: attempts }) : messages;
    record.messages = sent;
    const result = await executor!({
      as: action.as,
      attributes: prepared.attributes,
      model: prepared.model,
      content: rendered.text,
      messages: sent,
      signal,
      generate: host.generate,
      onTextDelta: stream.text,
      onPartialObject: stream.object,
      tools: prepared.tools && { offers: prepared.tools.offers, maxSteps: prepared.tools.maxSteps, call: (call) => host.callTool(record, prepared.tools!.names, call, signal) },
    });
    record.output = result.output;
    record.usage = result.usage;
  });
  return record.output;
}

/** A block step (Loop, Cond): its action's executor runs the body through the walk; the record shows its start, end or failure. */
async function runBlock(host: WalkHost, workflow: Workflow, action: Action, key: string, base: StepBase, values: ScopeValues, helpers: Names, phase: number): Promise<unknown> {
  const executor = BLOCK_EXECUTORS.get(action.name)!;
  let result: unknown;
  host.block(key, base);
  try {
    result = await executor({
      action,
      helpers,
      evaluate: (attribute, extra) => evaluateAttribute(host, attribute, extra ? values.with(extra) : values),
      runBody: (provided, bodyHelpers, index) => walkScope(host, workflow, action.body!, provided, pickBlockHelpers(bodyHelpers), bodyScope(key, index), phase),
      progress: (done, total) => host.progress(key, done, total),
      count: (bytes) => host.count(action.as, bytes),
      savedLimit: host.limits.saved,
    });
  } catch (error) {
    if (error instanceof WalkAborted || error instanceof StepFailed) throw error;
    await host.permit(key, phase, base.prompt);
    host.fail(key, base, error);
  }
  host.block(key, base, result);
  return result;
}

/** A body sees the helpers of enclosing loops ($index, $<as>...) but none of the outer names. */
export function pickBlockHelpers(helpers: Names): Names {
  const picked: Names = {};
  for (const [name, value] of Object.entries(helpers)) if (name.startsWith('$')) picked[name] = value;
  return picked;
}
