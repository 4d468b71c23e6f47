// Checks on the estree programs remark-mdx attaches to `{...}` expressions.
import type { Expression, Program } from 'estree';
import type { CompileContext } from './context.js';

/**
 * The single expression a program holds, or null after reporting `expression-syntax`.
 * remark-mdx already rejects statements, so what is left is `{}` with nothing inside.
 */
export function singleExpression(
  program: Program | null | undefined,
  context: CompileContext,
  line: number,
  column: number,
  where: string,
): Expression | null {
  const statement = program?.body.length === 1 ? program.body[0] : undefined;
  if (statement?.type === 'ExpressionStatement') return statement.expression;
  const onlyComments = !!program && program.body.length === 0 && (program.comments?.length ?? 0) > 0;
  const message = onlyComments
    ? `${where} holds only a comment: write a JavaScript expression inside the braces`
    : program && program.body.length > 1
      ? `${where} must be exactly one JavaScript expression, not statements`
      : `${where} is empty: write a JavaScript expression inside the braces, \`{/* ... */}\` for a comment, or \`\\{\` for a literal brace`;
  context.error('expression-syntax', message, line, column);
  return null;
}

export type LiteralKind = 'string' | 'number' | 'boolean' | 'object' | 'array';

/** What a literal expression is (`{5}`, `{false}`, `{{ a: 1 }}`), or null when it computes a value. */
export function literalKind(expression: Expression): LiteralKind | null {
  switch (expression.type) {
    case 'Literal': {
      const kind = typeof expression.value;
      return kind === 'string' || kind === 'number' || kind === 'boolean' ? kind : null;
    }
    case 'TemplateLiteral':
      return expression.expressions.length === 0 ? 'string' : null;
    case 'ObjectExpression':
      return 'object';
    case 'ArrayExpression':
      return 'array';
    case 'UnaryExpression':
      // `{-1}`
      return expression.operator === '-' && expression.argument.type === 'Literal' && typeof expression.argument.value === 'number'
        ? 'number'
        : null;
    default:
      return null;
  }
}
