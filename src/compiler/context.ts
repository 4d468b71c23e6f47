// State shared by one compile() call: the source, the diagnostics found so far, and
// the settings every part of the compiler needs.
import type { Diagnostic, Severity } from './types.js';
import type { ActionRegistry } from './registry.js';

/** Where the problems being reported are: a fragment's file, reached from a place in the workflow. */
export interface FragmentSite {
  /** the fragment's path from the workflow's folder, as diagnostics name it */
  file: string;
  /** the outermost include() in the workflow: fragment problems sort there */
  line: number;
  column: number;
}

/** What every fragment compiled for one workflow shares (fragments.ts). */
export class FragmentState {
  /** set while a fragment's own text is being checked */
  site: FragmentSite | null = null;
  /** absolute paths read or looked for, so the watcher can follow them */
  readonly files = new Set<string>();
  /** absolute paths of the includes being expanded, outermost first, to name a cycle */
  readonly stack: string[] = [];
  /** where a fragment's diagnostic sorts among the workflow's own */
  readonly sortPlace = new WeakMap<Diagnostic, { line: number; column: number }>();

  /** the prompts folder the fragments come from, once an include() looked for it (fragments.ts) */
  prompts: { path: string; shown: string } | null = null;

  constructor(
    /** the workflow's folder: fragments live in its `prompts/` (or the one beside it) */
    readonly folder: string,
  ) {}
}

export class CompileContext {
  readonly diagnostics: Diagnostic[];
  /** Loops and Conds around the body being compiled */
  actionDepth = 0;
  /** the tools of stepwise.config, which `tools={[...]}` may name */
  toolNames: readonly string[] = [];

  constructor(
    readonly text: string,
    readonly registry: ActionRegistry,
    /** the frontmatter's default model, or null */
    readonly defaultModel: string | null,
    readonly fragments: FragmentState = new FragmentState('.'),
    /** a fragment's context reports into the workflow's list */
    diagnostics: Diagnostic[] = [],
  ) {
    this.diagnostics = diagnostics;
  }

  report(severity: Severity, rule: string, message: string, line: number, column: number): void {
    this.add({ severity, message, line, column, rule });
  }

  /** Adds a diagnostic, naming the fragment it is in when a fragment is being checked. */
  add(diagnostic: Diagnostic): void {
    const site = this.fragments.site;
    if (site) {
      diagnostic.file = site.file;
      this.fragments.sortPlace.set(diagnostic, { line: site.line, column: site.column });
    }
    this.diagnostics.push(diagnostic);
  }

  error(rule: string, message: string, line: number, column: number): void {
    this.report('error', rule, message, line, column);
  }

  warning(rule: string, message: string, line: number, column: number): void {
    this.report('warning', rule, message, line, column);
  }

  /** Runs `report` calls as if from `site` (a deferred check of a fragment's names). */
  at<T>(site: FragmentSite | null, run: () => T): T {
    const was = this.fragments.site;
    this.fragments.site = site;
    try {
      return run();
    } finally {
      this.fragments.site = was;
    }
  }
}
