// output.md: the run as a person reads it. The frontmatter says what ran (title, inputs,
// date, models, usage); then every phase and step in execution order, each step under a
// heading that names it, its prompt quoted above its output. Only each step's current
// version appears: the histories stay in run.json.
import { basename } from 'node:path';
import { stringify } from 'yaml';
import type { RunState, StepRecord } from '../runtime/types.js';
import { toolCallLine } from '../tools/call-line.js';
import { enclosingBlock } from '../runtime/step-key.js';
import { isBlockAction } from '../compiler/action-specs.js';

const STEP_LEVEL = 3;

export function sessionMarkdown(state: RunState): string {
  const models = [...new Set(state.order.map((key) => state.steps[key]?.model).filter((model): model is string => Boolean(model)))];
  const header = stringify({
    title: state.title,
    workflow: basename(state.file),
    date: new Date(state.startedAt).toISOString(),
    status: state.status,
    inputs: state.inputs,
    models,
    usage: state.usage,
  }).trimEnd();
  const tree = scopes(state);
  const blocks: string[] = [`# ${state.title}`];
  let phase: number | null = null;
  for (const key of tree.top) {
    const record = state.steps[key]!;
    if (record.phase !== phase) blocks.push(`## Phase ${record.phase + 1}`);
    phase = record.phase;
    blocks.push(...stepBlocks(state, tree, record, STEP_LEVEL));
  }
  // a failure outside any step (the run's own) has no step heading to sit under
  const stepFailed = state.order.some((key) => state.steps[key]?.status === 'failed');
  if (state.error && !stepFailed) blocks.push(`**Failed:** ${state.error.message}`);
  return `---\n${header}\n---\n\n${blocks.join('\n\n')}\n`;
}

interface Scopes {
  /** top-level keys, in execution order */
  top: string[];
  /** a block's body keys by iteration (`0.1#2/…` is iteration 2 of block `0.1`) */
  bodies: Map<string, Map<number, string[]>>;
}

function scopes(state: RunState): Scopes {
  const top: string[] = [];
  const bodies = new Map<string, Map<number, string[]>>();
  for (const key of state.order) {
    if (!state.steps[key]) continue;
    const parent = enclosingBlock(key);
    // a body whose block the run no longer holds is shown where it ran rather than lost
    if (!parent || !state.steps[parent.block]) {
      top.push(key);
      continue;
    }
    let iterations = bodies.get(parent.block);
    if (!iterations) bodies.set(parent.block, (iterations = new Map()));
    let keys = iterations.get(parent.iteration);
    if (!keys) iterations.set(parent.iteration, (keys = []));
    keys.push(key);
  }
  return { top, bodies };
}

function stepBlocks(state: RunState, tree: Scopes, record: StepRecord, level: number): string[] {
  const blocks: string[] = [];
  if (record.action) blocks.push(`${heading(level)} ${[record.as ?? record.stepId, record.action, record.model].filter(Boolean).join(' · ')}`);
  if (record.prompt) blocks.push(quote(record.prompt));
  if (record.toolCalls?.length) blocks.push(record.toolCalls.map((call) => `- tool ${toolCallLine(call)}`).join('\n'));
  if (isBlockAction(record.action)) blocks.push(...bodyBlocks(state, tree, record, level));
  else if (record.action) blocks.push(...resultBlocks(state, record));
  if (record.status === 'failed' && record.error) {
    blocks.push(`**Failed:** ${record.error.message}${record.error.line ? ` (line ${record.error.line})` : ''}`);
  }
  if (record.stale) blocks.push('*out of date: an earlier change means this step runs again*');
  return blocks;
}

function bodyBlocks(state: RunState, tree: Scopes, record: StepRecord, level: number): string[] {
  const name = record.as ?? record.stepId;
  const iterations = [...(tree.bodies.get(record.key) ?? new Map<number, string[]>())].sort(([a], [b]) => a - b);
  if (record.action === 'Cond' && record.status === 'done' && iterations.length === 0) return ['*skipped: `if` was false*'];
  const blocks: string[] = [];
  for (const [iteration, keys] of iterations) {
    // iterations count from 1, as the TUI's outline shows them ($index is one less)
    const label = record.action === 'Loop' ? `iteration ${iteration + 1}` : 'body';
    blocks.push(`${heading(level + 1)} ${name} · ${label}`);
    for (const key of keys) blocks.push(...stepBlocks(state, tree, state.steps[key]!, level + 2));
  }
  return blocks;
}

function resultBlocks(state: RunState, record: StepRecord): string[] {
  if (record.status === 'done') {
    return [renderOutput(record.output), ...(record.edited ? ['*edited by the author*'] : [])];
  }
  if (record.status === 'cancelled') {
    const partial = record.partial ?? state.history[record.key]?.find((version) => version.id === record.current)?.partial;
    return [...(partial ? [partial] : []), '*cancelled before it finished*'];
  }
  if (record.status === 'running') return ['*running*'];
  return [];
}

function renderOutput(value: unknown): string {
  if (typeof value === 'string') return value.trim() ? value.trimEnd() : '*(empty)*';
  if (value === undefined) return '*(no output)*';
  const json = JSON.stringify(value, null, 2);
  // a fence longer than any run of backticks inside, so the JSON cannot close it
  const longest = Math.max(2, ...[...json.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}json\n${json}\n${fence}`;
}

function quote(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

function heading(level: number): string {
  return '#'.repeat(Math.min(level, 6));
}
