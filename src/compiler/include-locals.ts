// The names an include() sees besides its scope's: the parameters and declarations of the
// functions around it in the same expression, so `{langs.map((lang) => include('line'))}` may
// use `{lang}` in prompts/line.mdx. The fragment's code is put in place of the call, inside
// those functions, so the names exist when it runs. Block scoping is not modelled: a name
// declared anywhere in a function body counts for the whole function (a check, not a runtime).
import { bindPattern, declare, type AnyNode } from './declared-names.js';

export function localsAtIncludes(root: AnyNode): Map<AnyNode, ReadonlySet<string>> {
  const found = new Map<AnyNode, ReadonlySet<string>>();
  const visit = (node: AnyNode, locals: ReadonlySet<string>): void => {
    if (!node || typeof node !== 'object' || typeof node.type !== 'string') return;
    if (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') locals = functionLocals(node, locals);
    if (node.type === 'CallExpression' && node.callee?.type === 'Identifier' && node.callee.name === 'include' && locals.size > 0) found.set(node, locals);
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'range') continue;
      const value = node[key];
      for (const child of Array.isArray(value) ? value : [value]) visit(child, locals);
    }
  };
  visit(root, new Set());
  return found;
}

function functionLocals(node: AnyNode, outer: ReadonlySet<string>): Set<string> {
  const names = new Set(outer);
  if (node.id && node.type === 'FunctionExpression') names.add(node.id.name);
  for (const param of node.params) bindPattern(param, names);
  if (node.body.type === 'BlockStatement') for (const statement of node.body.body) declare(statement, names, true);
  return names;
}
