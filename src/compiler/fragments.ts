// Prompt fragments (docs/language.md §9): include('tone.mdx') is the file prompts/tone.mdx from
// the workflow's folder (or, when it has no prompts folder, from the folder above: Agentflow
// keeps workflows in flows/ beside prompts/), compiled like a workflow's prompt text (notes removed, names
// checked where the include() is, positions in the fragment's own file) and turned into
// one call of the sandbox's fragment(), so its expressions run in the including scope.
// Fragments are read when the workflow compiles; the watcher follows the files listed.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, posix, sep } from 'node:path';
import { CompileContext, type FragmentState } from './context.js';
import type { AnyNode } from './declared-names.js';
import { fragmentCall, type ExpressionSite } from './expression-code.js';
import { limitMarkdownText } from './markdown-limits.js';
import { columnOf, endOf, lineOf, type MdNode } from './nodes.js';
import { describeParseError, type ParseErrorLike } from './parse-error.js';
import { parseMdx } from './parse.js';
import { actionName } from './registry.js';
import { buildSegments } from './segments.js';
import { suggest } from './suggest.js';
import { usedNames } from './used-names.js';

export const PROMPTS_FOLDER = 'prompts';
/** far beyond any prompt; keeps a mistaken include of a huge file from stalling the compile */
const MAX_FRAGMENT_BYTES = 1024 * 1024;
const EXTENSIONS = ['.mdx', '.md'];
/** a fragment that could not be compiled renders as nothing (the workflow has an error anyway) */
const NOTHING = { code: '""', used: [] as string[] };

export function includeFragment(call: AnyNode, site: ExpressionSite): { code: string; used: string[] } {
  const { context } = site;
  const state = context.fragments;
  const line = call.loc?.start.line ?? 1;
  const column = (call.loc?.start.column ?? 0) + 1;
  const name = literalName(call);
  if (name === null) {
    context.error('include-argument', "include() takes the fragment's file name as a string literal, e.g. include('tone.mdx'), read from the prompts folder next to the workflow", line, column);
    return NOTHING;
  }
  const relative = posix.normalize(name.replace(/\\/g, '/'));
  if (relative.startsWith('/') || relative === '..' || relative.startsWith('../') || /^[A-Za-z]:/.test(relative)) {
    context.error('include-path', `include('${name}') points outside the prompts folder: a fragment is a file inside ${PROMPTS_FOLDER}/ next to the workflow, e.g. include('tone.mdx')`, line, column);
    return NOTHING;
  }
  const prompts = promptsFolder(state);
  const found = findFragment(prompts.path, relative);
  const display = `${prompts.shown}/${found.relative}`;
  state.files.add(found.path);
  if (found.text === null) {
    context.error('missing-fragment', missingMessage(name, found.relative, prompts, found.problem), line, column);
    return NOTHING;
  }
  const cycleStart = state.stack.indexOf(display);
  if (cycleStart !== -1) {
    const cycle = [...state.stack.slice(cycleStart), display].join(' → ');
    context.error('include-cycle', `circular include: ${cycle}; a fragment cannot include itself, directly or through others: remove one of these include() calls`, line, column);
    return NOTHING;
  }
  const outer = state.site;
  const fragmentSite = { file: display, line: outer?.line ?? line, column: outer?.column ?? column };
  state.stack.push(display);
  try {
    return context.at(fragmentSite, () => compileFragment(found.text!, site));
  } finally {
    state.stack.pop();
  }
}

function literalName(call: AnyNode): string | null {
  const [argument, ...rest] = call.arguments ?? [];
  if (!argument || rest.length > 0) return null;
  if (argument.type === 'Literal' && typeof argument.value === 'string') return argument.value;
  if (argument.type === 'TemplateLiteral' && argument.expressions.length === 0) return argument.quasis[0]?.value.cooked ?? null;
  return null;
}

interface Found {
  path: string;
  /** the name inside the prompts folder, extension included */
  relative: string;
  text: string | null;
  /** why an existing file could not be read */
  problem?: string;
}

/**
 * The prompts folder of the workflow's folder; when there is none, the one beside it, as in an
 * Agentflow project (flows/story.mdx includes prompts/tone.mdx). One folder per workflow, so a
 * fragment never comes from two places. `shown` is how diagnostics name it, from the workflow.
 */
function promptsFolder(state: FragmentState): { path: string; shown: string } {
  if (state.prompts) return state.prompts;
  const own = { path: join(state.folder, PROMPTS_FOLDER), shown: PROMPTS_FOLDER };
  const above = { path: join(state.folder, '..', PROMPTS_FOLDER), shown: `../${PROMPTS_FOLDER}` };
  state.prompts = !isFolder(own.path) && isFolder(above.path) ? above : own;
  return state.prompts;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `tone` is tone.mdx, else tone.md; a name with one of those extensions is exact. */
function findFragment(prompts: string, relative: string): Found {
  const names = EXTENSIONS.some((extension) => relative.endsWith(extension)) ? [relative] : EXTENSIONS.map((extension) => relative + extension);
  for (const name of names) {
    const path = join(prompts, name);
    const read = readFragment(prompts, path);
    if (read !== 'missing') return { path, relative: name, ...read };
  }
  return { path: join(prompts, names[0]!), relative: names[0]!, text: null };
}

function readFragment(prompts: string, path: string): { text: string | null; problem?: string } | 'missing' {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return 'missing';
  }
  // a link out of the folder could put any file of the machine into a prompt
  if (!real.startsWith(realpathSync(prompts) + sep)) return { text: null, problem: 'it links to a file outside the prompts folder; copy the text into the folder instead' };
  try {
    const text = readFileSync(real, 'utf8');
    if (text.length > MAX_FRAGMENT_BYTES) return { text: null, problem: `it is larger than ${MAX_FRAGMENT_BYTES / 1024 / 1024} MiB; a fragment is prompt text, keep it small` };
    return { text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text };
  } catch (error) {
    const message = (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'it is a folder; name a file in it' : `it cannot be read (${(error as Error).message})`;
    return { text: null, problem: message };
  }
}

function missingMessage(name: string, relative: string, prompts: { path: string; shown: string }, problem: string | undefined): string {
  const display = `${prompts.shown}/${relative}`;
  if (problem) return `fragment \`${display}\` cannot be included: ${problem}`;
  const available = fragmentNames(prompts.path);
  const bare = (file: string) => file.replace(/\.mdx?$/, '');
  const close = suggest(relative, available) ?? suggest(bare(relative), available.map(bare));
  if (close !== undefined) return `no fragment \`${display}\`; did you mean include('${close}')?`;
  const listed = available.length ? `; ${prompts.shown}/ holds ${available.slice(0, 5).join(', ')}${available.length > 5 ? ', …' : ''}` : '';
  return `no fragment \`${display}\` for include('${name}'): create it in the ${PROMPTS_FOLDER} folder next to the workflow${listed}`;
}

/** The .md/.mdx files under the prompts folder, as include() names them (a few hundred at most). */
function fragmentNames(prompts: string): string[] {
  const names: string[] = [];
  const visit = (folder: string, prefix: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (names.length >= 500) return;
      if (entry.isDirectory() && depth < 5) visit(join(folder, entry.name), `${prefix}${entry.name}/`, depth + 1);
      else if (/\.mdx?$/.test(entry.name)) names.push(prefix + entry.name);
    }
  };
  visit(prompts, '', 0);
  return names.sort();
}

/** The fragment's text as one fragment() call; its problems are reported as being in its file. */
function compileFragment(text: string, site: ExpressionSite): { code: string; used: string[] } {
  const { context } = site;
  const limited = limitMarkdownText(text);
  for (const diagnostic of limited.diagnostics) context.add(diagnostic);
  let root: MdNode;
  try {
    root = parseMdx(limited.text);
  } catch (error) {
    if (error instanceof RangeError) throw error;
    context.add(describeParseError(text, toParseError(error)));
    return NOTHING;
  }
  const fragment = new CompileContext(text, context.registry, context.defaultModel, context.fragments, context.diagnostics);
  let children = root.children ?? [];
  let start = 0;
  const yaml = children[0]?.type === 'yaml' ? children[0] : undefined;
  if (yaml) {
    fragment.error('fragment-frontmatter', 'a fragment has no frontmatter: move its `data` and `input` to the workflow that includes it', lineOf(yaml), columnOf(yaml));
    start = endOf(yaml);
    children = children.slice(1);
  }
  let actions = 0;
  for (const node of children) {
    const hasAs = (node.attributes ?? []).some((a) => a.name === 'as');
    const action = node.type === 'mdxJsxFlowElement' ? actionName(node.name, hasAs, context.registry) : null;
    if (action === null) continue;
    actions++;
    fragment.error('fragment-action', `<${node.name}> cannot be in a fragment: a fragment is prompt text only; put the action in the workflow, after the include()`, lineOf(node), columnOf(node));
  }
  if (actions > 0) return NOTHING;
  const segments = buildSegments(fragment, start, text.length, children, {
    names: site.names,
    include: { offset: site.offset, helpers: site.helpers, ownLoop: site.ownLoop },
  });
  const used = segments.flatMap((segment) => (segment.kind === 'expr' ? [...(usedNames(segment) ?? [])] : []));
  return { code: fragmentCall(segments), used };
}

function toParseError(error: unknown): ParseErrorLike {
  if (error && typeof error === 'object' && 'message' in error) return error as ParseErrorLike;
  return { message: String(error) };
}
