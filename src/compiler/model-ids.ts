// Warnings for model ids that would fail when their step runs (docs/language.md §11): an id with no
// provider, or a provider that is neither built in nor configured. Only literal ids are
// known before a run: the frontmatter's `model` and literal `model="..."` attributes.
import { GENERATION_ACTIONS } from './action-specs.js';
import type { CompileContext } from './context.js';
import { suggest } from './suggest.js';
import type { Scope } from './types.js';

/** The providers a run could use: built in, from stepwise.config, from the user's settings. */
export interface KnownProviders {
  has(name: string): boolean;
  /** every known name, for "did you mean" */
  names(): string[];
}

export function checkModelIds(
  root: Scope,
  defaultModel: { id: string; line: number; column: number } | null,
  providers: KnownProviders,
  context: CompileContext,
): void {
  if (defaultModel) checkModelId(defaultModel.id, defaultModel.line, defaultModel.column, providers, context);
  const scopes = [root];
  while (scopes.length > 0) {
    for (const phase of scopes.pop()!.phases) {
      for (const step of phase.steps) {
        const action = step.action;
        if (!action) continue;
        if (action.body) scopes.push(action.body);
        const model = action.attributes.model;
        if (GENERATION_ACTIONS.has(action.name) && model?.kind === 'literal') checkModelId(model.value, model.line, model.column, providers, context);
      }
    }
  }
}

function checkModelId(id: string, line: number, column: number, providers: KnownProviders, context: CompileContext): void {
  const problem = modelIdProblem(id, providers);
  if (problem) context.warning(problem.rule, problem.message, line, column);
}

/** Why a step with model `id` would fail before reaching any server, or null when it may run. */
export function modelIdProblem(id: string, providers: KnownProviders): { rule: string; message: string } | null {
  const trimmed = id.trim();
  if (trimmed === 'echo') return null;
  const colon = trimmed.indexOf(':');
  if (colon <= 0 || colon === trimmed.length - 1) {
    return { rule: 'model-id', message: `model id \`${id}\` names no provider and model: write it as \`provider:model\`, e.g. \`openai:gpt-4o\`, or \`echo\` for an offline dry run` };
  }
  const provider = trimmed.slice(0, colon);
  if (provider === 'echo' && !['last', 'all'].includes(trimmed.slice(colon + 1))) {
    return { rule: 'model-id', message: `unknown echo model \`${id}\`: use \`echo\`, \`echo:last\` or \`echo:all\`` };
  }
  if (providers.has(provider)) return null;
  const close = suggest(provider, providers.names());
  const fix = close
    ? `did you mean \`${close}${trimmed.slice(colon)}\`?`
    : `known providers: ${providers.names().join(', ')}; add \`${provider}\` under \`providers\` in stepwise.config.ts`;
  return { rule: 'unknown-provider', message: `unknown model provider \`${provider}\` in \`${id}\`; ${fix}` };
}
