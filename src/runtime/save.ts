// Where runs are saved (SPEC §2.3): output.md for people, run.json to resume, both
// written atomically so a crash never leaves half a file.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { stringify } from 'yaml';
import type { RunState } from './types.js';
import { resultAsText } from './context.js';

export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** `.stepwise/runs/<workflow-name>/<timestamp>/` next to the workflow, or under `out`. */
export function runDirectory(workflowFile: string, startedAt: number, out?: string): string {
  const name = basename(workflowFile, extname(workflowFile));
  const stamp = new Date(startedAt).toISOString().replace(/[:.]/g, '-');
  return join(out ?? join(dirname(workflowFile), '.stepwise', 'runs'), name, stamp);
}

function renderOutput(value: unknown): string {
  if (typeof value === 'string') return value;
  return '```json\n' + resultAsText(value) + '\n```';
}

export function transcript(state: RunState): string {
  const models = [...new Set(Object.values(state.steps).map((record) => record.model).filter(Boolean))];
  const header = stringify({
    title: state.title,
    date: new Date(state.startedAt).toISOString(),
    models,
    usage: state.usage,
  }).trimEnd();
  const blocks: string[] = [];
  let phase: number | null = null;
  for (const key of state.order) {
    const record = state.steps[key];
    if (!record) continue;
    if (phase !== null && record.phase !== phase) blocks.push('---');
    phase = record.phase;
    if (record.prompt) blocks.push(record.prompt);
    const block = record.action === 'Loop' || record.action === 'Cond';
    if (!block && record.action && record.status === 'done' && record.output !== undefined && record.output !== null) {
      blocks.push(renderOutput(record.output) + (record.edited ? '\n\n<!-- edited by the author -->' : ''));
    }
    if (record.status === 'failed' && record.error) blocks.push(`> failed: ${record.error.message}`);
  }
  return `---\n${header}\n---\n\n${blocks.join('\n\n')}\n`;
}

export function saveRun(state: RunState, directory: string): { transcript: string; runFile: string } {
  const transcriptFile = join(directory, 'output.md');
  const runFile = join(directory, 'run.json');
  writeFileAtomic(runFile, JSON.stringify(state, null, 2) + '\n');
  writeFileAtomic(transcriptFile, transcript(state));
  return { transcript: transcriptFile, runFile };
}
