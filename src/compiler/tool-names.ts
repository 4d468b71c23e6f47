// `tools={['add']}` on GenText/GenObject: each literal name must be a tool of
// stepwise.config (docs/language.md §10). Names computed by an expression are checked when the step runs.
import type { Expression } from 'estree';
import type { CompileContext } from './context.js';
import { suggest } from './suggest.js';

/** `unknown tool `ad`; did you mean `add`?`, or how to define one. */
export function unknownToolMessage(name: string, known: readonly string[]): string {
  if (!known.length) return `unknown tool \`${name}\`: no tools are defined; add defineTool({ name: '${name}', ... }) to the \`tools\` of stepwise.config.ts`;
  const close = suggest(name, known);
  const fix = close !== undefined ? `did you mean \`${close}\`?` : `the tools in stepwise.config are ${known.map((k) => `\`${k}\``).join(', ')}`;
  return `unknown tool \`${name}\`; ${fix}`;
}

export function checkToolNames(tools: { expression: Expression; line: number; column: number } | undefined, context: CompileContext): void {
  if (!tools || tools.expression.type !== 'ArrayExpression') return;
  for (const element of tools.expression.elements) {
    if (element?.type !== 'Literal' || typeof element.value !== 'string') continue;
    if (context.toolNames.includes(element.value)) continue;
    const at = element.loc?.start;
    context.error('unknown-tool', unknownToolMessage(element.value, context.toolNames), at?.line ?? tools.line, at ? at.column + 1 : tools.column);
  }
}

/** A literal `maxSteps` is a whole number of model calls, at least 1. */
export function checkMaxSteps(maxSteps: { expression: Expression; line: number; column: number } | undefined, context: CompileContext): void {
  if (!maxSteps) return;
  const { expression, line, column } = maxSteps;
  const negative = expression.type === 'UnaryExpression' && expression.operator === '-' && expression.argument.type === 'Literal';
  const value = expression.type === 'Literal' ? expression.value : negative ? -Number((expression.argument as { value: unknown }).value) : undefined;
  if (typeof value !== 'number' || (Number.isInteger(value) && value >= 1)) return;
  context.error('attribute-value', `\`maxSteps\` is a whole number of model calls, at least 1: write maxSteps={${Math.max(1, Math.round(value)) || 5}}`, line, column);
}
