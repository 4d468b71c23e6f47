// Name resolution for one scope (the root or a Loop/Cond body). Expressions are
// recorded while the scope is built and checked once all of its `as` names are known,
// so a use can tell "defined later" (forward reference) from "never defined".
import type { Program } from 'estree';
import { BUILTIN_GLOBALS } from './globals.js';
import { freeNames, type UnsupportedSyntax } from './free-names.js';
import { reportUnsupported } from './sandbox-syntax.js';
import { suggest } from './suggest.js';
import type { CompileContext, FragmentSite } from './context.js';
import { MAX_EXPRESSION_NESTING } from './limits.js';
import { expressionTooDeep, nestingDiagnostic } from './nesting.js';

interface Definition {
  /** action element start and end offsets: the name is visible from `end` on */
  start: number;
  end: number;
  line: number;
  action: string;
}

interface Use {
  name: string;
  line: number;
  column: number;
  offset: number;
  helpers: ReadonlySet<string>;
  /** the Loop whose own attribute this is, for a better "own result" message */
  ownLoop: boolean;
  /** the fragment the name is written in, or null in the workflow itself */
  site: FragmentSite | null;
}

export class NameScope {
  private readonly definitions = new Map<string, Definition>();
  private readonly uses: Use[] = [];

  constructor(
    private readonly context: CompileContext,
    /** names the scope starts with -> where they come from, for clash messages */
    readonly provided: ReadonlyMap<string, string>,
    /** helpers visible everywhere in this scope (`$`, and loop helpers inside loop bodies) */
    readonly helpers: ReadonlySet<string>,
    /** the enclosing scope, only used to hint at a missing `provide` */
    private readonly parent: NameScope | null,
    /** what to call this scope in messages: "this Loop's body" */
    private readonly label: string,
  ) {}

  /** Registers an action's `as`; reports a clash with a provided or earlier name. */
  define(name: string, action: string, start: number, end: number, line: number, column: number): void {
    const from = this.provided.get(name);
    if (from !== undefined) {
      this.context.error('duplicate-name', `\`${name}\` is already defined ${from}; pick another name for this ${action}`, line, column);
      return;
    }
    const earlier = this.definitions.get(name);
    if (earlier) {
      this.context.error(
        'duplicate-name',
        `\`${name}\` is already defined at line ${earlier.line} (${earlier.action}); pick another name for this ${action}`,
        line,
        column,
      );
      return;
    }
    this.definitions.set(name, { start, end, line, action });
  }

  /**
   * Records the free names of an expression at `offset`, to check when the scope is complete, and
   * reports at once the syntax the sandbox cannot run; returns the names.
   */
  use(program: Program, source: string, offset: number, helpers: ReadonlySet<string> = this.helpers, ownLoop = false): string[] {
    const names: string[] = [];
    const deep = expressionTooDeep(program);
    if (deep) {
      this.context.add(nestingDiagnostic(MAX_EXPRESSION_NESTING, 'this expression has that many brackets, calls or operators inside one another',
        'split it into smaller expressions, or compute the value in earlier steps', deep.line, deep.column));
      return names;
    }
    const unsupported: UnsupportedSyntax[] = [];
    for (const free of freeNames(program, unsupported)) {
      this.uses.push({ name: free.name, line: free.line, column: free.column, offset, helpers, ownLoop, site: this.context.fragments.site });
      names.push(free.name);
    }
    reportUnsupported(program, source, unsupported, this.context);
    return names;
  }

  /** Reports every unknown or forward-referenced name. Call once, after the scope is built. */
  check(): void {
    for (const use of this.uses) {
      if (use.site) this.context.at(use.site, () => this.checkUse(use));
      else this.checkUse(use);
    }
  }

  private checkUse(use: Use): void {
    const { name } = use;
    if (this.provided.has(name) || BUILTIN_GLOBALS.has(name) || use.helpers.has(name)) return;
    const definition = this.definitions.get(name);
    if (definition && definition.end <= use.offset) return;
    if (definition && use.offset >= definition.start) {
      const hint = use.ownLoop ? '; use `$self` for the results of earlier iterations' : '';
      this.context.error(
        'forward-reference',
        `\`${name}\` is this ${definition.action}'s own result and is not available in its own attributes${hint}`,
        use.line,
        use.column,
      );
      return;
    }
    if (definition) {
      this.context.error(
        'forward-reference',
        `\`${name}\` is used before it is defined at line ${definition.line}; move this below that action`,
        use.line,
        use.column,
      );
      return;
    }
    const candidates = this.visibleAt(use);
    const close = suggest(name, candidates);
    if (close !== undefined) {
      this.context.error('unknown-name', `unknown name \`${name}\`; did you mean \`${close}\`?`, use.line, use.column);
      return;
    }
    if (this.parent?.knows(name)) {
      this.context.error(
        'unknown-name',
        `unknown name \`${name}\`: ${this.label} only sees what its \`provide\` passes in; add it: provide={{ ${name} }}`,
        use.line,
        use.column,
      );
      return;
    }
    this.context.error(
      'unknown-name',
      `unknown name \`${name}\`: define it with an action's as="${name}" above, or as a frontmatter \`input\` or \`data\` key`,
      use.line,
      use.column,
    );
  }

  private *visibleAt(use: Use): Iterable<string> {
    for (const [name, definition] of this.definitions) if (definition.end <= use.offset) yield name;
    yield* this.provided.keys();
    yield* use.helpers;
    yield* BUILTIN_GLOBALS;
  }

  /** Whether a name exists anywhere in this scope or the scopes around it. */
  private knows(name: string): boolean {
    return this.definitions.has(name) || this.provided.has(name) || (this.parent?.knows(name) ?? false);
  }
}
