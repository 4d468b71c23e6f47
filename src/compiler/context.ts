// State shared by one compile() call: the source, the diagnostics found so far, and
// the settings every part of the compiler needs.
import type { Diagnostic, Severity } from './types.js';
import type { ActionRegistry } from './registry.js';

export class CompileContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Loops and Conds around the body being compiled */
  actionDepth = 0;
  /** the tools of stepwise.config, which `tools={[...]}` may name */
  toolNames: readonly string[] = [];

  constructor(
    readonly text: string,
    readonly registry: ActionRegistry,
    /** the frontmatter's default model, or null */
    readonly defaultModel: string | null,
  ) {}

  report(severity: Severity, rule: string, message: string, line: number, column: number): void {
    this.diagnostics.push({ severity, message, line, column, rule });
  }

  error(rule: string, message: string, line: number, column: number): void {
    this.report('error', rule, message, line, column);
  }

  warning(rule: string, message: string, line: number, column: number): void {
    this.report('warning', rule, message, line, column);
  }
}
