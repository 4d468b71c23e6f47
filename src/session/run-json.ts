// run.json's bytes. Autosave writes it several times a second on a long session, so what
// has not changed since the last save is neither serialised nor encoded again: the file
// is a list of cached pieces, one step record or one step's history a line (greppable
// without indenting megabytes), written with one writev. That rests on the engine's
// promise (see saved-state.ts): it never changes a version (a rewind replaces it with a
// copy) and replaces the values inside a record rather than changing them, so a record
// whose every field is the same value as at the last save has the same JSON.
import type { ChatMessage } from '../models/types.js';
import type { RunState, StepRecord, StepVersion } from '../runtime/types.js';

/** by the record's message list, new each time the step runs: the fields last saved and their line */
const recordLines = new WeakMap<ChatMessage[], { fields: StepRecord; line: Buffer }>();
/** by a history's newest version: the list last saved and its line */
const historyLines = new WeakMap<StepVersion, { list: StepVersion[]; line: Buffer }>();

const COMMA = Buffer.from(',\n');

/** Buffer.concat(runJson(state)) parses to what JSON.stringify(state) does, steps and history last. */
export function runJson(state: RunState): Buffer[] {
  const { steps, history, ...rest } = state;
  const pieces: Buffer[] = [Buffer.from(`${JSON.stringify(rest).slice(0, -1)},\n"steps":{\n`)];
  let first = true;
  for (const [key, record] of Object.entries(steps)) {
    if (!first) pieces.push(COMMA);
    first = false;
    pieces.push(recordLine(key, record));
  }
  pieces.push(Buffer.from('\n},\n"history":{\n'));
  first = true;
  for (const [key, list] of Object.entries(history ?? {})) {
    if (!first) pieces.push(COMMA);
    first = false;
    pieces.push(historyLine(key, list));
  }
  pieces.push(Buffer.from('\n}}\n'));
  return pieces;
}

function recordLine(key: string, record: StepRecord): Buffer {
  const line = () => Buffer.from(`${JSON.stringify(key)}:${JSON.stringify(record)}`);
  if (!Array.isArray(record.messages)) return line();
  const last = recordLines.get(record.messages);
  if (last && last.fields.key === key && sameFields(last.fields, record)) return last.line;
  const made = line();
  // a copy: the run goes on changing the record it holds
  recordLines.set(record.messages, { fields: { ...record }, line: made });
  return made;
}

function sameFields(a: StepRecord, b: StepRecord): boolean {
  const keys = Object.keys(b) as (keyof StepRecord)[];
  if (Object.keys(a).length !== keys.length) return false;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

function historyLine(key: string, list: StepVersion[]): Buffer {
  const line = () => Buffer.from(`${JSON.stringify(key)}:${JSON.stringify(list)}`);
  const newest = list[list.length - 1];
  if (!newest) return line();
  const last = historyLines.get(newest);
  if (last && last.list.length === list.length && last.list.every((version, i) => version === list[i])) return last.line;
  const made = line();
  historyLines.set(newest, { list: list.slice(), line: made });
  return made;
}
