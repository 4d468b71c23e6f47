// What the sandbox runs for one expression (docs/language.md §9). A JSX fragment `<>…</>` and an
// include('file') cannot run there as written: each becomes a plain call of the prelude's
// `fragment(parts, blocks)` (src/sandbox/prelude.ts), whose parts are the fragment's text
// pieces and the values of its expressions. Everything else is the author's source as is,
// so no JSX runtime, and nothing of the host, is involved.
import type { Program } from 'estree';
import type { CompileContext } from './context.js';
import type { AnyNode } from './declared-names.js';
import { includeFragment } from './fragments.js';
import { localsAtIncludes } from './include-locals.js';
import type { NameScope } from './names.js';
import { aloneOnLines, dedent, trim } from './segments.js';
import type { Segment } from './types.js';
import { HELPERS } from '../sandbox/wrapper.js';

export interface ExpressionSite {
  context: CompileContext;
  names: NameScope;
  /** where in the scope the expression is used: names defined later are forward references */
  offset: number;
  helpers: ReadonlySet<string>;
  ownLoop: boolean;
}

export interface SandboxCode {
  /** undefined when the source runs as written */
  code: string | undefined;
  /** names the included fragments read, besides the expression's own */
  used: string[];
}

export const AS_WRITTEN: SandboxCode = { code: undefined, used: [] };

/** Whether the source may hold a fragment or an include(): most expressions have neither, and skip the walk. */
export function mayNeedCode(source: string): boolean {
  return source.includes('<') || source.includes('include');
}

/** The code for an expression whose one statement is in `program`; `source` as remark-mdx gives it. */
export function sandboxCode(program: Program, source: string, site: ExpressionSite): SandboxCode {
  if (!mayNeedCode(source)) return AS_WRITTEN;
  const statement = program.body[0];
  if (statement?.type !== 'ExpressionStatement') return AS_WRITTEN;
  // estree positions are file offsets, and the file's text is verbatim (a multi-line
  // expression's `source` has its lines' indentation taken off)
  const locals = source.includes('include') ? localsAtIncludes(statement.expression as AnyNode) : new Map<AnyNode, ReadonlySet<string>>();
  const writer = new CodeWriter(site.context.text, site, locals);
  const code = writer.code(statement.expression as AnyNode);
  if (!writer.changed) return AS_WRITTEN;
  // a fragment (or an array of them) leaves the sandbox as its text
  return { code: `${HELPERS}.shown(${code})`, used: writer.used };
}

/** Parts and block indexes as the prelude's `fragment()` takes them. */
export function fragmentCall(segments: Segment[]): string {
  const parts = segments.map((segment) => (segment.kind === 'text' ? JSON.stringify(segment.text) : `(${segment.code ?? segment.source})`));
  const blocks = segments.flatMap((segment, index) => (segment.kind === 'expr' && segment.block ? [index] : []));
  return `${HELPERS}.fragment([${parts.join(', ')}]${blocks.length ? `, [${blocks.join(', ')}]` : ''})`;
}

class CodeWriter {
  changed = false;
  readonly used: string[] = [];

  constructor(
    /** the text of the file the expression is in */
    private readonly text: string,
    private readonly site: ExpressionSite,
    /** the function parameters and declarations each include() call is inside */
    private readonly locals: Map<AnyNode, ReadonlySet<string>>,
  ) {}

  /** The node's source with every fragment and include() inside it replaced by its call. */
  code(node: AnyNode): string {
    if (node.type === 'JSXFragment') return this.fragment(node);
    if (isInclude(node)) return this.include(node);
    if (node.type === 'Identifier' && node.name === 'include') return this.misusedInclude(node);
    const targets: AnyNode[] = [];
    this.findTargets(node, targets);
    let out = '';
    let at = node.start;
    for (const target of targets) {
      out += this.slice(at, target.start) + this.code(target);
      at = target.end;
    }
    return out + this.slice(at, node.end);
  }

  private slice(start: number, end: number): string {
    return this.text.slice(start, end);
  }

  /** The outermost fragments and include() calls under `node`, in source order. */
  private findTargets(node: AnyNode, out: AnyNode[]): void {
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'range') continue;
      // `a.include` and `{ include: 1 }` are property names, not the helper
      if (key === 'property' && node.type === 'MemberExpression' && !node.computed) continue;
      if (key === 'key' && node.type === 'Property' && !node.computed && !node.shorthand) continue;
      const value = node[key];
      for (const child of Array.isArray(value) ? value : [value]) {
        if (!child || typeof child !== 'object' || typeof child.type !== 'string') continue;
        if (child.type === 'JSXFragment' || isInclude(child) || (child.type === 'Identifier' && child.name === 'include')) out.push(child);
        else this.findTargets(child, out);
      }
    }
  }

  private misusedInclude(node: AnyNode): string {
    this.changed = true;
    const start = node.loc?.start;
    this.site.context.error(
      'include-call',
      "`include` can only be called, with the fragment's file name: write {include('tone.mdx')}",
      start?.line ?? 1,
      (start?.column ?? 0) + 1,
    );
    return 'undefined';
  }

  private include(node: AnyNode): string {
    this.changed = true;
    const locals = this.locals.get(node);
    // the fragment's names may also be those of the functions around the call
    const site = locals ? { ...this.site, helpers: new Set([...this.site.helpers, ...locals]) } : this.site;
    const included = includeFragment(node, site);
    this.used.push(...included.used);
    return included.code;
  }

  /** `<>Hello **{name}**</>`: its text and values, its shared indentation removed. */
  private fragment(node: AnyNode): string {
    this.changed = true;
    const segments: Segment[] = [];
    this.pieces(node.children, segments);
    const first = segments[0];
    dedent(segments, first?.kind === 'text' && first.text.startsWith('\n'));
    return fragmentCall(trim(segments));
  }

  private pieces(children: AnyNode[], segments: Segment[]): void {
    const text = (value: string) => {
      const last = segments[segments.length - 1];
      if (last?.kind === 'text') last.text += value;
      else segments.push({ kind: 'text', text: value });
    };
    for (const child of children) {
      if (child.type === 'JSXText') text(child.value);
      else if (child.type === 'JSXElement') {
        // a lower-case tag is prompt text, e.g. <example>…</example> (free-names.ts refuses the rest)
        text(this.slice(child.openingElement.start, child.openingElement.end));
        this.pieces(child.children, segments);
        if (child.closingElement) text(this.slice(child.closingElement.start, child.closingElement.end));
      } else if (child.type === 'JSXFragment' || child.type === 'JSXExpressionContainer') {
        const inner = child.type === 'JSXFragment' ? child : child.expression;
        // `{/* a note */}` is removed like any other note
        if (inner.type === 'JSXEmptyExpression') continue;
        const start = inner.loc?.start;
        segments.push({
          kind: 'expr',
          source: this.slice(inner.start, inner.end),
          block: child.type === 'JSXExpressionContainer' && aloneOnLines(this.text, child.start, child.end),
          line: start?.line ?? 1,
          column: (start?.column ?? 0) + 1,
          code: this.code(inner),
        });
      }
    }
  }
}

function isInclude(node: AnyNode): boolean {
  return node.type === 'CallExpression' && node.callee?.type === 'Identifier' && node.callee.name === 'include';
}
