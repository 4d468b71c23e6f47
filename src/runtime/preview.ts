// What a step would send if it ran now (docs/tui.md §1: a pending step shows the prompt it would
// send; `m` on it shows the request). A dry, synchronous walk down to the one step: the
// inputs, data and every result that holds (done, not stale) fill its expressions; an
// expression that needs a value that does not exist yet stays as written, `{expr}`. It
// calls no model and changes nothing; the run memoises it per state (run.ts).
import type { Action, Attribute, Scope, Step, Workflow } from '../compiler/types.js';
import type { ChatMessage } from '../models/types.js';
import type { Sandbox } from '../sandbox/types.js';
import type { RunState } from './types.js';
import { usedNames } from '../compiler/used-names.js';
import { buildMessages, sentAttributes, type ConversationTurn } from './context.js';
import { renderContent, type PreviewRendering, type RenderedContent } from './render.js';
import { ScopeValues } from './scope-values.js';
import { pickBlockHelpers } from './walk.js';
import { loopHelpers, type LoopHelpers } from '../actions/loop.js';
import { bodyScope, localStepId, parseStepKey, stepKey, type StepKeyPart } from './step-key.js';

export interface StepPreview {
  key: string;
  as: string;
  action: string;
  /** the rendered content, `{expr}` where a value does not exist yet */
  prompt: string;
  /** the conversation it would send; an earlier step of the phase without a result answers `{its name}` */
  messages: ChatMessage[];
  /** null for actions that call no model, or when no model is set anywhere */
  model: string | null;
  /** the rest of the request (options, schema…), as in StepRecord.attributes */
  attributes: Record<string, unknown>;
}

export interface PreviewSource {
  workflow: Workflow;
  state: RunState;
  sandbox: Sandbox;
  modelOverride: string | null;
  defaultModel: string | null;
  /** rendered content by step key, kept by the caller for the same state: previewing every step of a phase renders each once */
  rendered?: Map<string, RenderedContent>;
}

type Names = Record<string, unknown>;

/** What a scope can see at one point of the document: values, and the names that have none yet. */
interface Seen {
  names: Names;
  helpers: Names;
  missing: Set<string>;
}

/** The preview of the step with record key `key` (`1.0`, `1.0#2/0.1`), or null when the workflow has no such action step. */
export function previewStep(source: PreviewSource, key: string): StepPreview | null {
  const { workflow, state } = source;
  const names: Names = { ...workflow.data, ...state.inputs };
  const missing = new Set(workflow.inputs.map((field) => field.name).filter((name) => !(name in state.inputs)));
  const path = parseStepKey(key);
  return path ? previewIn(source, workflow.root, { names, helpers: {}, missing }, '', path) : null;
}

function previewIn(source: PreviewSource, scope: Scope, seen: Seen, prefix: string, path: StepKeyPart[]): StepPreview | null {
  const { local, phase: phaseIndex, iteration } = path[0]!;
  const last = path.length === 1;
  const values = new ScopeValues([seen.names, seen.helpers]);
  for (let p = 0; p < scope.phases.length && p <= phaseIndex; p++) {
    const earlier: ConversationTurn[] = [];
    for (const step of scope.phases[p]!.steps) {
      const key = stepKey(prefix, step);
      const isTarget = localStepId(step) === local && p === phaseIndex;
      if (isTarget) {
        if (last) return step.action ? target(source, step, step.action, key, seen, values, earlier) : null;
        if (!step.action?.body || iteration === null) return null;
        const body = bodySeen(source, step.action, key, iteration, seen, values);
        return previewIn(source, step.action.body, body, bodyScope(key, iteration), path.slice(1));
      }
      if (!step.action) continue;
      const result = knownResult(source.state, key);
      if (last && p === phaseIndex) {
        const rendered = render(source, key, step, values, seen);
        earlier.push({ prompt: rendered.text, parts: rendered.parts, result: result.known ? result.value : `{${step.action.as}}` });
      }
      if (result.known) {
        seen.names[step.action.as] = result.value;
        seen.missing.delete(step.action.as);
      } else {
        delete seen.names[step.action.as];
        seen.missing.add(step.action.as);
      }
    }
  }
  return null;
}

function target(source: PreviewSource, step: Step, action: Action, key: string, seen: Seen, values: ScopeValues, earlier: ConversationTurn[]): StepPreview {
  const rendered = render(source, key, step, values, seen);
  const block = action.kind === 'block';
  const attributes: Names = {};
  if (!block) for (const [name, attribute] of Object.entries(action.attributes)) if (name !== 'as') attributes[name] = attributeValue(source, attribute, seen, values);
  const role = typeof attributes.role === 'string' ? attributes.role : null;
  const needsModel = action.name === 'GenText' || action.name === 'GenObject';
  const own = typeof attributes.model === 'string' ? attributes.model : null;
  const model = needsModel ? (source.modelOverride ?? own ?? source.workflow.model ?? source.defaultModel) : null;
  return {
    key,
    as: action.as,
    action: action.name,
    prompt: rendered.text,
    messages: block ? [] : buildMessages({ role, earlier, prompt: rendered.text, parts: rendered.parts }),
    model,
    attributes: sentAttributes(attributes),
  };
}

/** What a Loop iteration's or Cond's body sees: its `provide`d names and the block helpers. */
function bodySeen(source: PreviewSource, action: Action, key: string, index: number, outer: Seen, values: ScopeValues): Seen {
  const body = action.body!;
  let helpers = pickBlockHelpers(outer.helpers);
  let scope = values;
  if (action.name === 'Loop') {
    const self = iterationResults(source.state, body, key, index);
    const own: LoopHelpers = { index, self, last: self[index - 1] };
    scope = values.with(loopHelpers(outer.helpers, action.as, own));
    helpers = loopHelpers(helpers, action.as, own);
  }
  const provide = action.attributes.provide;
  const provided = provide ? evaluate(source, provide, outer, scope) : {};
  if (provided === UNRESOLVED || typeof provided !== 'object' || provided === null) return { names: {}, helpers, missing: new Set(body.provided) };
  return { names: { ...(provided as Names) }, helpers, missing: new Set() };
}

/** `$self` for iteration `index`: the Loop's result when it holds, else each earlier iteration's results that hold. */
function iterationResults(state: RunState, body: Scope, key: string, index: number): Names[] {
  const loop = knownResult(state, key);
  if (loop.known && Array.isArray(loop.value)) return (loop.value as Names[]).slice(0, index);
  const results: Names[] = [];
  for (let i = 0; i < index; i++) {
    const iteration: Names = {};
    for (const phase of body.phases) {
      for (const step of phase.steps) {
        if (!step.action) continue;
        const result = knownResult(state, stepKey(bodyScope(key, i), step));
        if (result.known) iteration[step.action.as] = result.value;
      }
    }
    results.push(iteration);
  }
  return results;
}

function knownResult(state: RunState, key: string): { known: boolean; value?: unknown } {
  const record = state.steps[key];
  return record && record.status === 'done' && !record.stale ? { known: true, value: record.output } : { known: false };
}

function render(source: PreviewSource, key: string, step: Step, values: ScopeValues, seen: Seen): RenderedContent {
  const kept = source.rendered?.get(key);
  if (kept) return kept;
  const rendered = renderContent(step.content, source.sandbox, values, rendering(seen));
  source.rendered?.set(key, rendered);
  return rendered;
}

function rendering(seen: Seen): PreviewRendering {
  return { unresolved: (expression) => unresolved(expression, seen) };
}

function unresolved(expression: object, seen: Seen): boolean {
  return usedNames(expression)?.some((name) => seen.missing.has(name)) ?? false;
}

const UNRESOLVED = Symbol('unresolved');

function evaluate(source: PreviewSource, attribute: Attribute, seen: Seen, values: ScopeValues): unknown {
  if (attribute.kind === 'literal') return attribute.value;
  if (unresolved(attribute, seen)) return UNRESOLVED;
  try {
    return source.sandbox.evaluate(attribute.code ?? attribute.source, values.for(attribute));
  } catch {
    return UNRESOLVED;
  }
}

/** An attribute's value, or its expression as written when it cannot be evaluated yet. */
function attributeValue(source: PreviewSource, attribute: Attribute, seen: Seen, values: ScopeValues): unknown {
  const value = evaluate(source, attribute, seen, values);
  return value === UNRESOLVED ? `{${(attribute as { source: string }).source}}` : value;
}
