// Builds an Action from a block-level action element, checking its attributes and,
// for Loop and Cond, compiling its body as a nested scope (docs/language.md §6, §7).
import type { Expression } from 'estree';
import { GENERATION_ACTIONS } from './action-specs.js';
import { checkAsName } from './as-name.js';
import { readAttributes } from './attributes.js';
import type { CompileContext } from './context.js';
import { MAX_ACTION_NESTING } from './limits.js';
import { NameScope } from './names.js';
import { nestingDiagnostic } from './nesting.js';
import { columnOf, endOf, isComment, lineOf, startOf, type MdNode } from './nodes.js';
import { compileScope } from './scope.js';
import type { Action, Scope } from './types.js';
import { loopMaxProblem } from '../limits.js';
import { checkMaxSteps, checkToolNames } from './tool-names.js';

const LOOP_HELPERS = ['$index', '$self', '$last'];

export function buildAction(
  element: MdNode,
  name: string,
  context: CompileContext,
  names: NameScope,
  stepId: string,
): Action {
  const spec = context.registry.specs.get(name)!;
  const isLoop = name === 'Loop';
  const kind = spec.kind ?? 'leaf';
  const asAttribute = (element.attributes ?? []).find((a) => a.type === 'mdxJsxAttribute' && a.name === 'as') ?? null;
  const writtenAs = typeof asAttribute?.value === 'string' ? asAttribute.value : null;
  // A Loop's own attributes are evaluated per iteration, so they see its helpers too.
  const helpers = isLoop ? withLoopHelpers(names.helpers, writtenAs) : names.helpers;
  const read = readAttributes(element, name, spec, context, { names, helpers, ownLoop: isLoop });
  const as = checkAsName(element, name, read.as, read.asAttribute, context);
  if (isLoop) checkLoopMax(read.expressions.get('max'), context);
  if (GENERATION_ACTIONS.has(name)) {
    checkToolNames(read.expressions.get('tools'), context);
    checkMaxSteps(read.expressions.get('maxSteps'), context);
  }

  if (GENERATION_ACTIONS.has(name) && !('model' in read.attributes) && context.defaultModel === null) {
    context.warning(
      'missing-model',
      `<${name}> has no model: add model="openai:gpt-4o" or a \`model:\` in the frontmatter, or run with --model`,
      lineOf(element),
      columnOf(element),
    );
  }

  let body: Scope | null = null;
  if (kind === 'block' && context.actionDepth >= MAX_ACTION_NESTING) {
    context.diagnostics.push(nestingDiagnostic(MAX_ACTION_NESTING, `this <${name}> is inside ${MAX_ACTION_NESTING} Loops and Conds`,
      'its body is not checked: flatten the workflow into phases, or move the inner steps out', lineOf(element), columnOf(element)));
    body = { phases: [], provided: [] };
  } else if (kind === 'block') {
    const provided = provideKeys(read.expressions.get('provide'), name, context);
    const bodyNames = new NameScope(context, provided, helpers, names, `this ${name}'s body`);
    context.actionDepth++;
    body = compileScope(element.children ?? [], context, bodyNames, { idPrefix: `${stepId}/`, dedent: true, root: false }).scope;
    context.actionDepth--;
  } else if ((element.children ?? []).some((child) => !isComment(child))) {
    context.error(
      'unexpected-body',
      `<${name}> does not take a body: close it as <${name} as="${as ?? 'result'}" ... /> and put the prompt above it`,
      lineOf(element),
      columnOf(element),
    );
  }

  if (as !== null && read.asAttribute) {
    names.define(as, name, startOf(element), endOf(element), lineOf(read.asAttribute), columnOf(read.asAttribute));
  }
  return { name, kind, as: as ?? read.as ?? '', attributes: read.attributes, body, line: lineOf(element), column: columnOf(element) };
}

/** A literal `max` is checked now (a whole number up to the bound); an expression, when the Loop runs. */
function checkLoopMax(max: { expression: Expression; line: number; column: number } | undefined, context: CompileContext): void {
  if (!max) return;
  const { expression } = max;
  let value: unknown;
  if (expression.type === 'Literal' && typeof expression.value === 'number') value = expression.value;
  else if (expression.type === 'UnaryExpression' && expression.operator === '-' && expression.argument.type === 'Literal' && typeof expression.argument.value === 'number') {
    value = -expression.argument.value;
  } else return;
  const problem = loopMaxProblem(value);
  if (problem) context.error('attribute-value', problem, max.line, max.column);
}

function withLoopHelpers(outer: ReadonlySet<string>, as: string | null): ReadonlySet<string> {
  const helpers = new Set(outer);
  for (const helper of LOOP_HELPERS) helpers.add(helper);
  if (as) helpers.add(`$${as}`);
  return helpers;
}

/** The names a body receives: the literal keys of `provide={{ ... }}`, with where they come from. */
function provideKeys(
  provide: { expression: Expression; line: number; column: number } | undefined,
  action: string,
  context: CompileContext,
): Map<string, string> {
  const keys = new Map<string, string>();
  if (!provide) return keys;
  const { expression, line, column } = provide;
  const from = `by this ${action}'s \`provide\` (line ${line})`;
  if (expression.type !== 'ObjectExpression') {
    context.error(
      'attribute-type',
      '`provide` must be an object literal listing what the body can use: write provide={{ langs, original: poem }}',
      line,
      column,
    );
    return keys;
  }
  for (const property of expression.properties) {
    if (property.type === 'Property' && !property.computed) {
      const key = property.key;
      if (key.type === 'Identifier') keys.set(key.name, from);
      else if (key.type === 'Literal') keys.set(String(key.value), from);
      continue;
    }
    const at = property.loc?.start;
    context.error(
      'attribute-type',
      '`provide` keys must be written out so the body\'s names can be checked: write provide={{ name: value }} instead of spreads or computed keys',
      at?.line ?? line,
      at ? at.column + 1 : column,
    );
  }
  return keys;
}
