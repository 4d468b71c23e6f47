// The headless front end's view of a run: each step as it runs, streamed to stdout.
import type { Run } from '../runtime/run.js';
import type { RunEvent } from '../runtime/types.js';
import { resultAsText } from '../runtime/context.js';

export function reportHeadless(run: Run, write: (text: string) => void, warn: (text: string) => void): () => void {
  let phase: number | null = null;
  let streamed = false;
  const label = (key: string) => {
    const record = run.state.steps[key]!;
    return `${record.as ?? key} (${record.action}${record.model ? `, ${record.model}` : ''})`;
  };
  return run.subscribe((event: RunEvent) => {
    switch (event.type) {
      case 'step-start': {
        const record = event.record;
        if (record.phase !== phase) {
          phase = record.phase;
          write(`\n── phase ${phase + 1} ──\n`);
        }
        if (record.action === 'Loop' || record.action === 'Cond') return;
        write(`\n▸ ${label(event.key)}\n`);
        streamed = false;
        return;
      }
      case 'text-delta':
        streamed = true;
        write(event.delta);
        return;
      case 'step-end': {
        const record = event.record;
        if (record.action === 'Loop' || record.action === 'Cond') return;
        if (!streamed && record.output !== undefined) write(resultAsText(record.output));
        const seconds = record.startedAt && record.endedAt ? ((record.endedAt - record.startedAt) / 1000).toFixed(1) : '0.0';
        write(`\n✓ ${record.as}  ${record.usage.inputTokens}+${record.usage.outputTokens} tokens  ${seconds}s\n`);
        return;
      }
      case 'step-error':
        write(`\n✗ ${event.record.as ?? event.key} failed: ${event.record.error?.message}${event.record.error?.line ? ` (line ${event.record.error.line})` : ''}\n`);
        return;
      case 'warning':
        warn(`warning: ${event.message}\n`);
        return;
      default:
        return;
    }
  });
}
