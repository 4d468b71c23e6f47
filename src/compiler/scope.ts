// Compiles the children of the root or of a Loop/Cond body into phases of steps.
import { buildAction } from './actions.js';
import type { CompileContext } from './context.js';
import type { NameScope } from './names.js';
import { endOf, isComment, lineOf, startOf, type MdNode } from './nodes.js';
import { splitPhases, type PhaseNodes } from './phases.js';
import { actionName } from './registry.js';
import { buildSegments } from './segments.js';
import type { Phase, Scope, Step } from './types.js';

export interface ScopeOptions {
  /** prepended to step ids: '' at the root, `<block step id>/` in a body */
  idPrefix: string;
  /** remove the common indentation of a body's lines */
  dedent: boolean;
  /** the root: its first phase may be the description */
  root: boolean;
}

export interface CompiledScope {
  scope: Scope;
  description: { text: string; line: number } | null;
}

export function compileScope(children: MdNode[], context: CompileContext, names: NameScope, options: ScopeOptions): CompiledScope {
  const split = splitPhases(children, context);
  let description: CompiledScope['description'] = null;
  if (options.root && split.length > 0 && !split[0]!.nodes.some((node) => topLevelAction(node, context) !== null)) {
    description = describe(split.shift()!, context, names);
  }
  const phases = split.map((phase, index) => compilePhase(phase, `${options.idPrefix}${index}`, context, names, options));
  names.check();
  return { scope: { phases, provided: [...names.provided.keys()] }, description };
}

/** The action a top-level node is, or null when it is content. */
function topLevelAction(node: MdNode, context: CompileContext): string | null {
  if (node.type !== 'mdxJsxFlowElement') return null;
  const hasAs = (node.attributes ?? []).some((a) => a.type === 'mdxJsxAttribute' && a.name === 'as');
  return actionName(node.name, hasAs, context.registry);
}

function compilePhase(phase: PhaseNodes, phaseId: string, context: CompileContext, names: NameScope, options: ScopeOptions): Phase {
  const steps: Step[] = [];
  let start = phase.start;
  let pending: MdNode[] = [];
  const content = (end: number) => buildSegments(context, start, end, pending, { names, dedent: options.dedent });
  for (const node of phase.nodes) {
    const name = topLevelAction(node, context);
    if (name === null) {
      pending.push(node);
      continue;
    }
    const id = `${phaseId}.${steps.length}`;
    const segments = content(startOf(node));
    const action = buildAction(node, name, context, names, id);
    steps.push({ id, content: segments, action, line: firstContentLine(pending) ?? lineOf(node) });
    start = endOf(node);
    pending = [];
  }
  const line = firstContentLine(pending);
  if (line !== undefined) {
    const segments = content(phase.end);
    if (segments.length > 0) steps.push({ id: `${phaseId}.${steps.length}`, content: segments, action: null, line });
  }
  return { line: phase.line, steps };
}

function firstContentLine(nodes: MdNode[]): number | undefined {
  const node = nodes.find((candidate) => !isComment(candidate));
  return node ? lineOf(node) : undefined;
}

/**
 * The description keeps its expressions as source text: it is shown, never evaluated. Its
 * names are checked all the same, so a typo there is found like one in a prompt.
 */
function describe(phase: PhaseNodes, context: CompileContext, names: NameScope): { text: string; line: number } {
  const segments = buildSegments(context, phase.start, phase.end, phase.nodes, { names });
  const text = segments.map((segment) => (segment.kind === 'text' ? segment.text : `{${segment.source}}`)).join('');
  return { text, line: firstContentLine(phase.nodes) ?? phase.line };
}
