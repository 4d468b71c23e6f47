// How deep and how large a workflow may be before `check` stops with a diagnostic
// instead of walking further: one table, read by every walker that enforces a limit.
// Each is far beyond any real workflow, and small enough that no walk over the
// document, an expression or the frontmatter can exhaust the call stack.

/** Loops and Conds inside one another. */
export const MAX_ACTION_NESTING = 100;
/** Markdown and tags inside one another (lists, quotes, emphasis, elements). */
export const MAX_MARKDOWN_NESTING = 200;
/** Brackets, calls and operators inside one another in one `{expression}`. */
export const MAX_EXPRESSION_NESTING = 200;
/** Collections inside one another in the frontmatter. */
export const MAX_YAML_NESTING = 200;
/**
 * How far the frontmatter's YAML aliases (`*name`) may expand: the yaml package's
 * `maxAliasCount` (uses of an anchor times the aliases inside what it names).
 */
export const MAX_YAML_ALIAS_COUNT = 100;
/**
 * Emphasis markers (`*`, `_`) and link brackets (`[`, `]`) in one paragraph: micromark
 * matches each closer against every opener before it, so its time grows with their
 * square. A long prose paragraph has a few dozen.
 */
export const MAX_INLINE_MARKERS = 1000;
