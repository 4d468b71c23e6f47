// The headless front end's view of a run. The workflow's content (phase and step headers,
// the outputs as they stream) goes to stdout; how it went (each step's tokens and time,
// failures, warnings) goes to stderr, so `stepwise run x.mdx --headless > out.txt` keeps
// the content alone.
import type { RunHandle } from '../runtime/run-handle.js';
import type { RunEvent } from '../runtime/types.js';
import type { Workflow } from '../compiler/types.js';
import { stepLine } from '../compiler/step-line.js';
import { resultAsText } from '../runtime/context.js';
import type { Palette } from './paint.js';
import { toolCallLine } from '../tools/call-line.js';
import { isBlockAction } from '../compiler/action-specs.js';

export interface ReporterStreams {
  write: (text: string) => void;
  warn: (text: string) => void;
  /** styles for stdout and stderr, each plain when its stream has no colour */
  out: Palette;
  err: Palette;
}

export function reportHeadless(run: RunHandle, workflow: Workflow, streams: ReporterStreams): () => void {
  const { write, warn, out, err } = streams;
  let phase: number | null = null;
  let streamed = false;
  /** steps reported so far; any other finished step was kept from the saved session */
  const reported = new Set<string>();
  /** whether stdout's last text ended a line */
  let atLineStart = true;
  const content = (text: string) => {
    if (!text) return;
    write(text);
    atLineStart = text.endsWith('\n');
  };
  const endLine = () => {
    if (!atLineStart) content('\n');
  };
  const label = (key: string) => {
    const record = run.state.steps[key]!;
    return `${out.bold(record.as ?? key)} ${out.dim(`(${record.action}${record.model ? `, ${record.model}` : ''})`)}`;
  };
  const phaseHeader = (index: number) => {
    if (index === phase) return;
    phase = index;
    endLine();
    content(`\n${out.cyan(`── phase ${index + 1} ──`)}\n`);
  };
  const stepHeader = (key: string) => {
    endLine();
    content(`\n▸ ${label(key)}\n`);
  };
  /** Results this pass kept without a model call (a resumed session), up to `until`. */
  const reportKept = (until?: string) => {
    for (const key of run.state.order) {
      if (key === until) return;
      const record = run.state.steps[key];
      if (!record || reported.has(key) || !record.action || record.status !== 'done') continue;
      reported.add(key);
      phaseHeader(record.phase);
      if (isBlockAction(record.action)) continue;
      stepHeader(key);
      if (record.output !== undefined) content(resultAsText(record.output));
      endLine();
      warn(`${err.dim('↺')} ${record.as}  ${err.dim('kept, no model call')}\n`);
    }
  };
  // the title heads the content, as it heads output.md
  content(`${out.bold(workflow.title)}\n`);
  return run.subscribe((event: RunEvent) => {
    switch (event.type) {
      case 'step-start': {
        const record = event.record;
        reportKept(event.key);
        reported.add(event.key);
        phaseHeader(record.phase);
        if (isBlockAction(record.action)) return;
        stepHeader(event.key);
        streamed = false;
        return;
      }
      case 'text-delta':
        streamed = true;
        content(event.delta);
        return;
      case 'step-end': {
        const record = event.record;
        if (isBlockAction(record.action)) return;
        if (!reported.has(event.key)) return reportKept();
        if (!streamed && record.output !== undefined) content(resultAsText(record.output));
        endLine();
        const seconds = record.startedAt && record.endedAt ? ((record.endedAt - record.startedAt) / 1000).toFixed(1) : '0.0';
        warn(`${err.green('✓')} ${record.as}  ${err.dim(`${record.usage.inputTokens}+${record.usage.outputTokens} tokens  ${seconds}s`)}\n`);
        return;
      }
      case 'step-error': {
        endLine();
        const line = event.record.error?.line ?? stepLine(workflow, event.record.stepId);
        warn(`${err.red('✗')} ${event.record.as ?? event.key} failed: ${event.record.error?.message}${line ? ` (line ${line})` : ''}\n`);
        return;
      }
      case 'tool-call':
        // each call once, when it has its result
        if (event.call.status !== 'waiting' && event.call.status !== 'running') warn(`${err.dim('  tool')} ${toolCallLine(event.call)}\n`);
        return;
      case 'done':
        reportKept();
        return;
      case 'warning':
        endLine();
        warn(`${err.yellow('warning:')} ${event.message}\n`);
        return;
      default:
        return;
    }
  });
}
