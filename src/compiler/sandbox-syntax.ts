// What the expression sandbox (src/sandbox/) refuses or can never use, reported where it is
// written, so that a file `check` passes does not fail at run time for its syntax alone.
// QuickJS evaluates an expression synchronously and hands back only data: it cannot parse
// JSX elements (fragments `<>…</>` become plain calls, expression-code.ts), `await` or `import.meta` there; an async function or `import()` only ever yields
// a Promise nothing waits for; a function or BigInt value cannot become JSON; and it
// refuses more than MAX_NESTING brackets open at once, counted in the source text.
import type { Expression, Program } from 'estree';
import type { CompileContext } from './context.js';
import type { UnsupportedSyntax } from './free-names.js';
import { MAX_NESTING, nestingDepth } from '../sandbox/wrapper.js';
import { nestingDiagnostic } from './nesting.js';

const WORDING: Record<UnsupportedSyntax['kind'], { rule: string; message: string }> = {
  async: {
    rule: 'async-code',
    message:
      'async functions cannot be used in an expression: it is evaluated at once and nothing waits for its Promise; remove `async` and compute the value directly',
  },
  await: {
    rule: 'async-code',
    message: '`await` cannot be used in an expression: nothing waits for a Promise there; remove `await` (results of earlier actions are already plain values)',
  },
  import: {
    rule: 'module-import',
    message:
      '`import()` cannot be used in an expression: a workflow cannot load modules or files; put the values in the frontmatter `data` or an `input`, or write a custom action in stepwise.config.ts',
  },
  'import-meta': {
    rule: 'module-import',
    message: '`import.meta` is not available in an expression: a workflow is not a module; remove it',
  },
  jsx: {
    rule: 'jsx-expression',
    message:
      'a JSX element inside `{…}` cannot run in an expression: write prompt text as a fragment, e.g. {<>Hello **{name}**</>}, or as a template literal, e.g. {`Hello ${name}`}',
  },
  'jsx-component': {
    rule: 'jsx-expression',
    message:
      'a capitalised tag inside a fragment `<>…</>` would be a component or an action, and neither can be in an expression: put actions on their own line in the workflow, or write the tag in lower case to keep it as text',
  },
  'jsx-attribute': {
    rule: 'jsx-expression',
    message:
      'a tag inside a fragment is kept as text, so its attributes cannot be expressions: write the attribute as a string, e.g. kind="note", or put the value in the tag\'s text',
  },
};

/**
 * Reports what the walk found, then a value that can never leave the sandbox (a function,
 * a BigInt), then brackets the sandbox's own count finds too deep (it counts those inside
 * strings too, and is the same function, so check and run cannot disagree).
 */
export function reportUnsupported(program: Program, source: string, found: UnsupportedSyntax[], context: CompileContext): void {
  for (const { kind, line, column } of found) context.error(WORDING[kind].rule, WORDING[kind].message, line, column);
  const statement = program.body[0];
  if (statement?.type !== 'ExpressionStatement') return;
  const value = unwrap(statement.expression);
  const start = value.loc?.start;
  const line = start?.line ?? 1;
  const column = (start?.column ?? 0) + 1;
  if (nestingDepth(source) > MAX_NESTING) {
    context.add(nestingDiagnostic(MAX_NESTING, 'this expression has that many brackets open at once, counting those inside its strings',
      'split it into smaller expressions, or move bracket-heavy text into the frontmatter `data`', line, column));
  }
  const isFunction = value.type === 'ArrowFunctionExpression' || value.type === 'FunctionExpression' || value.type === 'ClassExpression';
  // an async function already has its own error at the same place
  if (isFunction && !('async' in value && value.async)) {
    context.error(
      'function-value',
      'this expression\'s value is a function, which cannot go into a prompt or an attribute: call it, e.g. {(() => "text")()}, or write the value itself',
      line,
      column,
    );
  } else if (value.type === 'Literal' && 'bigint' in value && typeof value.bigint === 'string') {
    context.error(
      'bigint-value',
      `a BigInt (\`${value.bigint}n\`) cannot go into a prompt or an attribute: write a plain number (\`${value.bigint}\`) or text, e.g. String(${value.bigint}n)`,
      line,
      column,
    );
  }
}

/** `((x))` is `x`: the fast path and remark-mdx keep parentheses as nodes. */
function unwrap(expression: Expression): Expression {
  let value = expression as Expression | { type: 'ParenthesizedExpression'; expression: Expression };
  while (value.type === 'ParenthesizedExpression') value = value.expression;
  return value as Expression;
}
