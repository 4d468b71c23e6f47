// compile(): MDX workflow text -> the workflow model and its diagnostics (docs/language.md).
// Never throws: every problem in the file is a located Diagnostic.
import type { ActionSpec } from './action-specs.js';
import { dirname, resolve } from 'node:path';
import { CompileContext, FragmentState } from './context.js';
import { parseFrontmatter, type Frontmatter } from './frontmatter.js';
import { NameScope } from './names.js';
import { MAX_MARKDOWN_NESTING } from './limits.js';
import { limitMarkdownNesting, NESTING_RULE, nestingDiagnostic } from './nesting.js';
import { limitMarkdownText } from './markdown-limits.js';
import { checkModelIds, type KnownProviders } from './model-ids.js';
import { lineOf, type MdNode } from './nodes.js';
import { describeParseError, type ParseErrorLike } from './parse-error.js';
import { notUtf8 } from './encoding.js';
import { parseMdx } from './parse.js';
import { buildRegistry } from './registry.js';
import { compileScope } from './scope.js';
import { workflowTitle } from './title.js';
import type { CompileResult, Diagnostic, InputField } from './types.js';

export type { ActionSpec, AttributeSpec } from './action-specs.js';
export { BUILTIN_ACTION_SPECS } from './action-specs.js';
export { checkDocument, type CheckDocument, type CheckInput } from './check-document.js';
export type * from './types.js';
export type { KnownProviders } from './model-ids.js';

export interface CompileOptions {
  /** custom actions from stepwise.config, by element name */
  actions?: Record<string, ActionSpec>;
  /** when given, literal model ids whose provider is not among these get a warning (`check`) */
  providers?: KnownProviders;
  /** the tools of stepwise.config, by name (`tools={['add']}`) */
  tools?: readonly string[];
  /** the folder whose prompts/ holds the fragments include() reads; default: the file's folder */
  folder?: string;
}

export function compile(source: string, file: string, options: CompileOptions = {}): CompileResult {
  // One kind of line ending for every later step: micromark reads `\r\n` and `\r` as
  // line endings too, so lines and columns stay the file's own. A byte order mark is not
  // text: kept, it would reach the first prompt and shift every place after it by one.
  const unmarked = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const text = unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked;
  try {
    return compileText(text, file, options);
  } catch (error) {
    // The guards in nesting.ts keep the compiler's own walks inside the stack; this
    // is the last resort for a parser that recurses deeper than they allow.
    if (error instanceof RangeError) {
      return { workflow: null, diagnostics: [nestingDiagnostic(MAX_MARKDOWN_NESTING, 'the parser ran out of stack on this file',
        'look for lists, quotes, tags or brackets nested inside one another hundreds of times, and flatten them', 1, 1)] };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { workflow: null, diagnostics: [{ severity: 'error', rule: 'internal-error', line: 1, column: 1,
      message: `stepwise could not check this file (internal error: ${message}); please report it with the file attached` }] };
  }
}

function compileText(text: string, file: string, options: CompileOptions): CompileResult {
  // lines nested too deep and paragraphs with too many markers, blanked before micromark sees them
  const limited = limitMarkdownText(text);
  let parsed: MdNode;
  try {
    parsed = parseMdx(limited.text);
  } catch (error) {
    if (error instanceof RangeError) throw error;
    // the frontmatter's own problems still count, so the first reported is the first in the file
    const encoding = notUtf8(text);
    const diagnostics = [...frontmatterProblems(text), ...limited.diagnostics, describeParseError(text, toParseError(error)), ...(encoding ? [encoding] : [])];
    return { workflow: null, diagnostics: diagnostics.sort(byPlace) };
  }
  const { root, diagnostic: tooDeep } = limitMarkdownNesting(parsed);
  const children = root.children ?? [];
  const yaml = children[0]?.type === 'yaml' ? children[0] : undefined;
  const frontmatter: Frontmatter = yaml ? parseFrontmatter(yaml.value ?? '', lineOf(yaml) + 1) : { data: {}, inputs: [], diagnostics: [] };

  const fragments = new FragmentState(options.folder ?? dirname(resolve(file)));
  const context = new CompileContext(text, buildRegistry(options.actions), frontmatter.model ?? null, fragments);
  context.toolNames = options.tools ?? [];
  context.diagnostics.push(...limited.diagnostics, ...frontmatter.diagnostics);
  if (!yaml && UNCLOSED_FRONTMATTER.test(text)) context.diagnostics.push(unclosedFrontmatter());
  const encoding = notUtf8(text);
  if (encoding) context.diagnostics.push(encoding);
  const names = new NameScope(context, rootNames(frontmatter.data, frontmatter.inputs), new Set(['$']), null, 'the workflow');
  const { scope, description } = compileScope(children, context, names, { idPrefix: '', dedent: false, root: true });
  if (options.providers) {
    const place = frontmatter.model !== undefined && frontmatter.modelPlace ? { id: frontmatter.model, ...frontmatter.modelPlace } : null;
    checkModelIds(scope, place, options.providers, context);
  }
  // the Loops-and-Conds limit, reported first, already says where the nesting went too far
  if (tooDeep && !context.diagnostics.some((d) => d.rule === NESTING_RULE && d.line <= tooDeep.line)) context.diagnostics.push(tooDeep);

  // a fragment included twice reports its problems once; they sort where it is first included
  const place = (d: Diagnostic) => fragments.sortPlace.get(d) ?? d;
  const diagnostics = distinct(context.diagnostics).sort((a, b) => byPlace(place(a), place(b)));
  return {
    workflow: {
      file,
      title: workflowTitle(frontmatter.title, children, file),
      description: description?.text ?? null,
      descriptionLine: description?.line ?? null,
      model: frontmatter.model ?? null,
      data: frontmatter.data,
      inputs: frontmatter.inputs,
      root: scope,
    },
    diagnostics,
    ...(fragments.files.size > 0 ? { fragments: [...fragments.files] } : {}),
  };
}

function distinct(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    if (d.file === undefined) return true;
    const key = `${d.file}:${d.line}:${d.column}:${d.rule}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Root names in order: data keys, then inputs, each with where it comes from for clash messages. */
function rootNames(data: Record<string, unknown>, inputs: InputField[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const key of Object.keys(data)) names.set(key, `by the frontmatter data \`${key}\``);
  for (const input of inputs) names.set(input.name, `by the frontmatter input \`${input.name}\` (line ${input.line})`);
  return names;
}

function byPlace(a: Pick<Diagnostic, 'line' | 'column'>, b: Pick<Diagnostic, 'line' | 'column'>): number {
  return a.line - b.line || a.column - b.column;
}

/** The frontmatter's diagnostics read straight from the text, for a body the parser could not read. */
/** A first line `---` and then a `key:` line, with no closing `---`: a frontmatter left open. */
const UNCLOSED_FRONTMATTER = /^---[ \t]*\n[ \t]*[A-Za-z_$][\w$-]*[ \t]*:(?:[ \t]|\n|$)/;

function unclosedFrontmatter(): Diagnostic {
  return { severity: 'error', rule: 'frontmatter-unclosed', line: 1, column: 1,
    message: 'the frontmatter that starts here is never closed: add a line `---` after its last key (without it, the keys are read as prompt text)' };
}

function frontmatterProblems(text: string): Diagnostic[] {
  const fenced = /^---[ \t]*\n(?:([\s\S]*?)\n)?---[ \t]*(?:\n|$)/.exec(text);
  return fenced ? parseFrontmatter(fenced[1] ?? '', 2).diagnostics : [];
}

function toParseError(error: unknown): ParseErrorLike {
  if (error && typeof error === 'object' && 'message' in error) return error as ParseErrorLike;
  return { message: String(error) };
}
