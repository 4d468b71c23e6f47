// The names JavaScript declarations bind, for the free-name walker (free-names.ts): what a
// statement adds to its scope, `var`s hoisted out of nested blocks, and the names in a
// destructuring pattern.

// The walker reads nodes loosely: the tree also holds JSX nodes, which @types/estree
// does not describe, and one switch over `type` is cheaper than typed visitors.
export type AnyNode = { type: string; [key: string]: any };

/** Adds the names a statement declares to its scope (`var` and functions hoist to the function body). */
export function declare(node: AnyNode, names: Set<string>, functionBody: boolean): void {
  switch (node.type) {
    case 'VariableDeclaration':
      if (node.kind === 'var' && !functionBody) return;
      for (const declarator of node.declarations) bindPattern(declarator.id, names);
      return;
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
      if (node.id) names.add(node.id.name);
      return;
    default:
      if (functionBody) hoistVars(node, names);
  }
}

/** Finds `var` declarations nested in blocks and loops of a function body, not in inner functions. */
function hoistVars(node: AnyNode | null, names: Set<string>): void {
  if (!node) return;
  switch (node.type) {
    case 'VariableDeclaration':
      if (node.kind === 'var') for (const declarator of node.declarations) bindPattern(declarator.id, names);
      return;
    case 'BlockStatement':
      for (const statement of node.body) hoistVars(statement, names);
      return;
    case 'IfStatement':
      hoistVars(node.consequent, names);
      return hoistVars(node.alternate, names);
    case 'ForStatement':
      hoistVars(node.init, names);
      return hoistVars(node.body, names);
    case 'ForInStatement':
    case 'ForOfStatement':
      hoistVars(node.left, names);
      return hoistVars(node.body, names);
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'LabeledStatement':
    case 'WithStatement':
      return hoistVars(node.body, names);
    case 'SwitchStatement':
      for (const branch of node.cases) for (const s of branch.consequent) hoistVars(s, names);
      return;
    case 'TryStatement':
      hoistVars(node.block, names);
      if (node.handler) hoistVars(node.handler.body, names);
      return hoistVars(node.finalizer, names);
    default:
      return;
  }
}

/** Adds every name a binding pattern introduces. */
export function bindPattern(node: AnyNode | null, names: Set<string>): void {
  if (!node) return;
  switch (node.type) {
    case 'Identifier':
      names.add(node.name);
      return;
    case 'ObjectPattern':
      for (const property of node.properties) {
        bindPattern(property.type === 'RestElement' ? property.argument : property.value, names);
      }
      return;
    case 'ArrayPattern':
      for (const element of node.elements) bindPattern(element, names);
      return;
    case 'RestElement':
      return bindPattern(node.argument, names);
    case 'AssignmentPattern':
      return bindPattern(node.left, names);
    default:
      return;
  }
}
