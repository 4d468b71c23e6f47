import type { Program } from 'estree';
import { bindPattern, declare, type AnyNode } from './declared-names.js';

export interface FreeName {
  name: string;
  /** 1-based file line */
  line: number;
  /** 1-based file column */
  column: number;
}

/** Syntax the expression sandbox refuses or cannot use, found on the same walk (sandbox-syntax.ts words it). */
export interface UnsupportedSyntax {
  kind: 'async' | 'await' | 'import' | 'import-meta' | 'jsx' | 'jsx-component' | 'jsx-attribute';
  line: number;
  column: number;
}

/** Names bound by one function, block or catch clause; lookups climb `parent`. */
interface Scope {
  names: Set<string>;
  parent: Scope | null;
}

/**
 * The identifiers an expression uses without defining them, in source order, one entry
 * per occurrence. Names bound inside the expression (parameters, declarations in arrow
 * bodies, function and class names, catch parameters) are not free; neither are
 * property names, labels, `this`, `new.target` or `import.meta`.
 */
export function freeNames(program: Program, unsupported: UnsupportedSyntax[] = []): FreeName[] {
  const found: FreeName[] = [];
  const walker = new Walker(found, unsupported);
  walker.block(program.body as AnyNode[], null, true);
  return found;
}

class Walker {
  constructor(
    private readonly found: FreeName[],
    private readonly unsupported: UnsupportedSyntax[],
  ) {}

  private refuse(kind: UnsupportedSyntax['kind'], node: AnyNode): void {
    const start = node.loc?.start;
    this.unsupported.push({ kind, line: start?.line ?? 1, column: (start?.column ?? 0) + 1 });
  }

  private use(node: AnyNode, scope: Scope | null): void {
    const name: string = node.name;
    for (let s = scope; s; s = s.parent) if (s.names.has(name)) return;
    const start = node.loc?.start;
    this.found.push({ name, line: start?.line ?? 1, column: (start?.column ?? 0) + 1 });
  }

  /** Walks statements in a new scope holding their declarations (and `var`s when a function body). */
  block(statements: AnyNode[], parent: Scope | null, functionBody: boolean, seed?: Set<string>): void {
    const names = seed ?? new Set<string>();
    for (const statement of statements) declare(statement, names, functionBody);
    const scope = names.size > 0 ? { names, parent } : parent;
    for (const statement of statements) this.statement(statement, scope);
  }

  statement(node: AnyNode | null, scope: Scope | null): void {
    if (!node) return;
    switch (node.type) {
      case 'ExpressionStatement':
        return this.expression(node.expression, scope);
      case 'BlockStatement':
      case 'StaticBlock':
        return this.block(node.body, scope, false);
      case 'VariableDeclaration':
        for (const declarator of node.declarations) {
          this.pattern(declarator.id, scope);
          this.expression(declarator.init, scope);
        }
        return;
      case 'FunctionDeclaration':
        return this.func(node, scope);
      case 'ClassDeclaration':
        return this.classBody(node, scope);
      case 'ReturnStatement':
      case 'ThrowStatement':
        return this.expression(node.argument, scope);
      case 'IfStatement':
        this.expression(node.test, scope);
        this.statement(node.consequent, scope);
        return this.statement(node.alternate, scope);
      case 'ForStatement': {
        const inner = this.loopHeadScope(node.init, scope);
        if (node.init?.type === 'VariableDeclaration') this.statement(node.init, inner);
        else this.expression(node.init, inner);
        this.expression(node.test, inner);
        this.expression(node.update, inner);
        return this.statement(node.body, inner);
      }
      case 'ForInStatement':
      case 'ForOfStatement': {
        const inner = this.loopHeadScope(node.left, scope);
        this.expression(node.right, scope);
        if (node.left.type === 'VariableDeclaration') this.statement(node.left, inner);
        else this.pattern(node.left, inner);
        return this.statement(node.body, inner);
      }
      case 'WhileStatement':
        this.expression(node.test, scope);
        return this.statement(node.body, scope);
      case 'DoWhileStatement':
        this.statement(node.body, scope);
        return this.expression(node.test, scope);
      case 'SwitchStatement': {
        this.expression(node.discriminant, scope);
        const names = new Set<string>();
        for (const branch of node.cases) for (const s of branch.consequent) declare(s, names, false);
        const inner = names.size > 0 ? { names, parent: scope } : scope;
        for (const branch of node.cases) {
          this.expression(branch.test, inner);
          for (const s of branch.consequent) this.statement(s, inner);
        }
        return;
      }
      case 'TryStatement':
        this.statement(node.block, scope);
        if (node.handler) {
          const names = new Set<string>();
          if (node.handler.param) bindPattern(node.handler.param, names);
          const inner = { names, parent: scope };
          if (node.handler.param) this.pattern(node.handler.param, inner);
          this.block(node.handler.body.body, inner, false);
        }
        return this.statement(node.finalizer, scope);
      case 'LabeledStatement':
        return this.statement(node.body, scope);
      case 'WithStatement':
        this.expression(node.object, scope);
        return this.statement(node.body, scope);
      default:
        // Break, Continue (labels are not names), Empty, Debugger, and anything newer
        return;
    }
  }

  /** `for (let i ...)` binds `i` for the head and the body. */
  private loopHeadScope(head: AnyNode | null, scope: Scope | null): Scope | null {
    if (head?.type !== 'VariableDeclaration' || head.kind === 'var') return scope;
    const names = new Set<string>();
    for (const declarator of head.declarations) bindPattern(declarator.id, names);
    return { names, parent: scope };
  }

  expression(node: AnyNode | null | undefined, scope: Scope | null): void {
    if (!node) return;
    switch (node.type) {
      case 'Identifier':
        return this.use(node, scope);
      case 'MetaProperty':
        if (node.meta?.name === 'import') this.refuse('import-meta', node);
        return;
      case 'Literal':
      case 'ThisExpression':
      case 'Super':
      case 'PrivateIdentifier':
      case 'JSXText':
      case 'JSXEmptyExpression':
        return;
      case 'MemberExpression':
        this.expression(node.object, scope);
        if (node.computed) this.expression(node.property, scope);
        return;
      case 'ChainExpression':
      case 'ParenthesizedExpression':
      case 'JSXExpressionContainer':
        return this.expression(node.expression, scope);
      case 'CallExpression':
      case 'NewExpression':
        this.expression(node.callee, scope);
        for (const argument of node.arguments) this.expression(argument, scope);
        return;
      case 'BinaryExpression':
      case 'LogicalExpression':
        this.expression(node.left, scope);
        return this.expression(node.right, scope);
      case 'AssignmentExpression':
        // assigning to an undefined name is as much an error as reading one
        this.pattern(node.left, scope);
        return this.expression(node.right, scope);
      case 'AwaitExpression':
        this.refuse('await', node);
        return this.expression(node.argument, scope);
      case 'UnaryExpression':
      case 'UpdateExpression':
      case 'SpreadElement':
      case 'YieldExpression':
      case 'RestElement':
      case 'JSXSpreadAttribute':
      case 'JSXSpreadChild':
        return this.expression(node.argument, scope);
      case 'ConditionalExpression':
        this.expression(node.test, scope);
        this.expression(node.consequent, scope);
        return this.expression(node.alternate, scope);
      case 'SequenceExpression':
        for (const item of node.expressions) this.expression(item, scope);
        return;
      case 'ArrayExpression':
        for (const item of node.elements) this.expression(item, scope);
        return;
      case 'ObjectExpression':
        for (const property of node.properties) {
          if (property.type !== 'Property') {
            this.expression(property, scope);
            continue;
          }
          if (property.computed) this.expression(property.key, scope);
          // a shorthand `{ langs }` has the same Identifier as value: it is a read
          if (property.method) this.func(property.value, scope, property);
          else this.expression(property.value, scope);
        }
        return;
      case 'TemplateLiteral':
        for (const item of node.expressions) this.expression(item, scope);
        return;
      case 'TaggedTemplateExpression':
        this.expression(node.tag, scope);
        return this.expression(node.quasi, scope);
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return this.func(node, scope);
      case 'ClassExpression':
        return this.classBody(node, scope);
      case 'ImportExpression':
        this.refuse('import', node);
        return this.expression(node.source, scope);
      case 'JSXElement':
      case 'JSXFragment':
        return this.jsx(node, scope, 'expression');
      default:
        return;
    }
  }

  /** A binding pattern: its names are bound elsewhere; defaults and computed keys are reads. */
  pattern(node: AnyNode | null, scope: Scope | null): void {
    if (!node) return;
    switch (node.type) {
      case 'Identifier':
        return this.use(node, scope);
      case 'ObjectPattern':
        for (const property of node.properties) {
          if (property.type === 'RestElement') this.pattern(property.argument, scope);
          else {
            if (property.computed) this.expression(property.key, scope);
            this.pattern(property.value, scope);
          }
        }
        return;
      case 'ArrayPattern':
        for (const element of node.elements) this.pattern(element, scope);
        return;
      case 'RestElement':
        return this.pattern(node.argument, scope);
      case 'AssignmentPattern':
        this.pattern(node.left, scope);
        return this.expression(node.right, scope);
      default:
        // a member expression target such as `a.b = 1`
        return this.expression(node, scope);
    }
  }

  /** `at`: a method's whole definition, so an error points at its `async` rather than its parameters */
  private func(node: AnyNode, scope: Scope | null, at: AnyNode = node): void {
    if (node.async) this.refuse('async', at);
    const names = new Set<string>();
    // a function expression's own name is visible inside it; a declaration's is hoisted by `declare`
    if (node.id && node.type === 'FunctionExpression') names.add(node.id.name);
    if (node.type !== 'ArrowFunctionExpression') names.add('arguments');
    for (const param of node.params) bindPattern(param, names);
    const inner: Scope = { names, parent: scope };
    for (const param of node.params) this.pattern(param, inner);
    if (node.body.type === 'BlockStatement') this.block(node.body.body, inner, true);
    else this.expression(node.body, inner);
  }

  private classBody(node: AnyNode, scope: Scope | null): void {
    this.expression(node.superClass, scope);
    const inner = node.id ? { names: new Set<string>([node.id.name]), parent: scope } : scope;
    for (const member of node.body.body) {
      if (member.type === 'StaticBlock') {
        this.statement(member, inner);
        continue;
      }
      if (member.computed) this.expression(member.key, inner);
      if (member.type === 'MethodDefinition') this.func(member.value, inner, member);
      else this.expression(member.value, inner);
    }
  }

  /**
   * A fragment `<>…</>` is prompt text with expressions (expression-code.ts turns it into
   * a call): its lower-case tags are text too. Any other element cannot run in the sandbox:
   * it is reported once, at the outermost, and the names inside it are still read.
   */
  private jsx(node: AnyNode, scope: Scope | null, where: 'expression' | 'fragment' | 'refused'): void {
    if (node.type === 'JSXElement') {
      const opening = node.openingElement;
      const component = opening.name.type !== 'JSXIdentifier' || !/^[a-z]/.test(opening.name.name);
      if (where === 'expression') this.refuse('jsx', node);
      // a component in a fragment is one problem, not also an unknown name
      if (where === 'fragment' && component) this.refuse('jsx-component', node);
      else if (where !== 'fragment') this.jsxName(opening.name, scope);
      if (where === 'expression' || component) where = 'refused';
      for (const attribute of opening.attributes) {
        const expression = attribute.type === 'JSXSpreadAttribute' || attribute.value?.type === 'JSXExpressionContainer';
        if (expression && where === 'fragment') this.refuse('jsx-attribute', attribute);
        if (attribute.type === 'JSXSpreadAttribute') this.expression(attribute.argument, scope);
        else this.expression(attribute.value, scope);
      }
    }
    for (const child of node.children) {
      if (child.type === 'JSXElement' || child.type === 'JSXFragment') this.jsx(child, scope, where === 'refused' ? 'refused' : 'fragment');
      else if (child.type === 'JSXSpreadChild' && where !== 'refused') this.refuse('jsx', child);
      else this.expression(child, scope);
    }
  }

  /** `<Card>` reads `Card`; `<div>` is an intrinsic element; `<ui.Card>` reads `ui`. */
  private jsxName(name: AnyNode, scope: Scope | null): void {
    if (name.type === 'JSXMemberExpression') {
      let root = name.object;
      while (root.type === 'JSXMemberExpression') root = root.object;
      if (root.type === 'JSXIdentifier') this.use(root, scope);
      return;
    }
    if (name.type !== 'JSXIdentifier') return;
    const first = name.name.charCodeAt(0);
    if (first >= 65 && first <= 90) this.use(name, scope);
  }
}
