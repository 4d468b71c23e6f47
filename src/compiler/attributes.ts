// Reads an action element's attributes into the model and checks the literal ones
// against the action's schema (docs/language.md §6).
import type { Expression } from 'estree';
import type { ActionSpec, AttributeSpec } from './action-specs.js';
import type { CompileContext } from './context.js';
import { AS_WRITTEN, mayNeedCode, sandboxCode } from './expression-code.js';
import { literalKind, singleExpression } from './expressions.js';
import type { NameScope } from './names.js';
import { columnOf, lineOf, startOf, type MdAttribute, type MdNode } from './nodes.js';
import { suggest } from './suggest.js';
import { noteUsedNames } from './used-names.js';
import type { Attribute } from './types.js';

export interface ReadAttributes {
  /** the `as` literal as written (possibly invalid), or null when missing or not a literal */
  as: string | null;
  asAttribute: MdAttribute | null;
  attributes: Record<string, Attribute>;
  /** parsed values of expression attributes, for checks that need the literal (provide) */
  expressions: Map<string, { expression: Expression; line: number; column: number }>;
}

export interface AttributeScope {
  names: NameScope;
  helpers: ReadonlySet<string>;
  ownLoop: boolean;
}

export function readAttributes(
  element: MdNode,
  action: string,
  spec: ActionSpec,
  context: CompileContext,
  scope: AttributeScope,
): ReadAttributes {
  const result: ReadAttributes = { as: null, asAttribute: null, attributes: {}, expressions: new Map() };
  for (const attribute of element.attributes ?? []) {
    const line = lineOf(attribute);
    const column = columnOf(attribute);
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      context.error(
        'spread-attribute',
        `spread attributes (\`{${attribute.value ?? ''}}\`) are not supported on <${action}>: write each attribute out, e.g. model={settings.model}`,
        line,
        column,
      );
      continue;
    }
    const name = attribute.name ?? '';
    if (name === 'as') {
      result.asAttribute = attribute;
      if (typeof attribute.value === 'string') result.as = attribute.value;
      continue;
    }
    const attributeSpec = spec.attributes[name];
    if (!attributeSpec) reportUnknown(name, action, spec, context, line, column);
    const value = attribute.value;
    if (typeof value === 'string') {
      result.attributes[name] = { kind: 'literal', value, line, column };
      if (attributeSpec) checkLiteral(name, value, attributeSpec, context, line, column);
      continue;
    }
    // A bare attribute (`<GenText stream />`) means true, as in JSX.
    const source = value == null ? 'true' : value.value;
    const compiled: Attribute = { kind: 'expr', source, line, column };
    result.attributes[name] = compiled;
    if (value == null) {
      noteUsedNames(compiled, []);
      if (attributeSpec) checkKind(name, 'boolean', attributeSpec, context, line, column);
      continue;
    }
    const expression = singleExpression(value.data?.estree, context, line, column, `the value of \`${name}\``);
    if (!expression) continue;
    result.expressions.set(name, { expression, line, column });
    const program = value.data!.estree!;
    const offset = startOf(attribute);
    const used = scope.names.use(program, source, offset, scope.helpers, scope.ownLoop);
    const code = mayNeedCode(source) ? sandboxCode(program, source, { context, names: scope.names, offset, helpers: scope.helpers, ownLoop: scope.ownLoop }) : AS_WRITTEN;
    if (code.code !== undefined) compiled.code = code.code;
    noteUsedNames(compiled, code.used.length ? [...used, ...code.used] : used);
    const kind = literalKind(expression);
    if (attributeSpec && kind) checkKind(name, kind, attributeSpec, context, line, column);
  }
  for (const [name, attributeSpec] of Object.entries(spec.attributes)) {
    if (attributeSpec.required && !(name in result.attributes)) {
      context.error(
        'missing-attribute',
        `<${action}> needs a \`${name}\` attribute: add ${name}=${example(name, attributeSpec)}`,
        lineOf(element),
        columnOf(element),
      );
    }
  }
  return result;
}

function reportUnknown(name: string, action: string, spec: ActionSpec, context: CompileContext, line: number, column: number): void {
  const known = ['as', ...Object.keys(spec.attributes)];
  const close = suggest(name, known);
  const fix = close !== undefined ? `did you mean \`${close}\`?` : `its attributes are ${known.map((k) => `\`${k}\``).join(', ')}`;
  context.error('unknown-attribute', `<${action}> has no attribute \`${name}\`; ${fix}`, line, column);
}

/** A string literal (`max="3"`) is only right for string attributes. */
function checkLiteral(name: string, value: string, spec: AttributeSpec, context: CompileContext, line: number, column: number): void {
  if (spec.type === 'string' || spec.type === 'any') return;
  context.error(
    'attribute-type',
    `\`${name}\` takes ${article(spec.type)}: write ${name}=${example(name, spec, value)}`,
    line,
    column,
  );
}

function checkKind(name: string, kind: string, spec: AttributeSpec, context: CompileContext, line: number, column: number): void {
  if (spec.type === 'any' || spec.type === kind) return;
  context.error(
    'attribute-type',
    `\`${name}\` takes ${article(spec.type)}, not ${article(kind)}: write ${name}=${example(name, spec)}`,
    line,
    column,
  );
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** A correct spelling of the attribute, reusing what the author wrote when it fits. */
function example(name: string, spec: AttributeSpec, written?: string): string {
  switch (spec.type) {
    case 'boolean':
      return written === 'true' ? '{true}' : '{false}';
    case 'number':
      return written !== undefined && written.trim() !== '' && Number.isFinite(Number(written)) ? `{${Number(written)}}` : '{10}';
    case 'array':
      return '{[ ... ]}';
    case 'object':
      if (name === 'schema') return '{$.z.object({ title: $.z.string() })}';
      if (name === 'provide') return '{{ name }}';
      return '{{ ... }}';
    case 'string':
      return '"..."';
    default:
      if (name === 'until') return '{$index === 3}';
      return '{condition}';
  }
}
