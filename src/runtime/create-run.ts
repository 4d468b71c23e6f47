// Wires a Run to the real sandbox, models and actions (the front ends call this).
import type { Scope, Workflow } from '../compiler/types.js';
import type { StepwiseConfig } from '../config/define.js';
import type { LeafExecutor } from '../actions/types.js';
import type { GenerateRequest, GenerateResult } from '../models/types.js';
import type { RunState } from './types.js';
import { genText } from '../actions/gen-text.js';
import { genObject } from '../actions/gen-object.js';
import { customExecutor } from '../actions/custom.js';
import { createSandbox } from '../sandbox/index.js';
import { generate } from '../models/generate.js';
import { preloadProviders } from '../models/registry.js';
import { Run } from './run.js';
import { hostLimits } from '../limits.js';
import { ToolRegistry } from '../tools/registry.js';

export interface CreateRunOptions {
  workflow: Workflow;
  inputs: Record<string, unknown>;
  config?: StepwiseConfig | null;
  modelOverride?: string | null;
  /** seconds a model call may go without data (--timeout); absent: the config's, else 60 */
  timeout?: number;
  env?: NodeJS.ProcessEnv;
  state?: RunState;
  /** --no-tools: every tool call is refused, and the model is told so */
  noTools?: boolean;
  /** replaces the real model call (tests of the engine alone) */
  generate?: (request: GenerateRequest) => Promise<GenerateResult>;
}

export function actionExecutors(config?: StepwiseConfig | null): Map<string, LeafExecutor> {
  const executors = new Map<string, LeafExecutor>([
    ['GenText', genText],
    ['GenObject', genObject],
  ]);
  for (const definition of config?.actions ?? []) executors.set(definition.name, customExecutor(definition));
  return executors;
}

export async function createRun(options: CreateRunOptions): Promise<Run> {
  const sandbox = await createSandbox();
  const context = { config: options.config ?? null, env: options.env ?? process.env, timeout: options.timeout };
  return new Run({
    workflow: options.workflow,
    inputs: options.inputs,
    sandbox,
    generate: options.generate ?? ((request) => generate(request, context)),
    executors: actionExecutors(options.config),
    modelOverride: options.modelOverride ?? null,
    defaultModel: options.config?.defaultModel ?? null,
    state: options.state,
    limits: hostLimits(options.config?.limits),
    tools: new ToolRegistry(options.config?.tools),
    noTools: options.noTools,
  });
}

/**
 * Loads, ahead of the first step, the providers of the models this workflow names
 * (literal `model` attributes, the frontmatter's, the config's default, or --model).
 */
export function preloadModels(workflow: Workflow, config?: StepwiseConfig | null, modelOverride?: string | null): void {
  const ids = new Set<string>();
  const fallback = workflow.model ?? config?.defaultModel ?? null;
  if (modelOverride) ids.add(modelOverride);
  else {
    if (fallback) ids.add(fallback);
    collectModels(workflow.root, ids);
  }
  preloadProviders(ids, config);
}

function collectModels(scope: Scope, ids: Set<string>): void {
  for (const phase of scope.phases) {
    for (const { action } of phase.steps) {
      if (!action) continue;
      const model = action.attributes.model;
      if (model?.kind === 'literal') ids.add(model.value);
      if (action.body) collectModels(action.body, ids);
    }
  }
}
