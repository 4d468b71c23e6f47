// run.json's text. Autosave writes it several times a second on a long session, so what
// has not changed since the last save is not serialised again: the file is a list of
// cached lines, one step record or one step's history a line (greppable without indenting
// megabytes), joined and written at once. That rests on the engine's
// promise (see saved-state.ts): it never changes a version (a rewind replaces it with a
// copy) and replaces the values inside a record rather than changing them, so a record
// whose every field is the same value as at the last save has the same JSON.
//
// A version shares its output, prompt, messages and attempts with the record made from it,
// so writing them twice would double the file (and the first save's time). A version
// whose field is the record's own value leaves it out and names it in `asRecord`; reading
// the file back (`runStateFromJson`) puts the record's value in its place again. A record's
// messages, which repeat its phase's earlier prompts and outputs, are written the same way
// (see shared-messages.ts).
import type { RunState, StepRecord, StepVersion } from '../runtime/types.js';
import { compactMessages, expandMessages } from './shared-messages.js';

/** The fields a version may leave to its record, the largest first. */
const SHARED = ['messages', 'output', 'prompt', 'attempts'] as const;
type Shared = (typeof SHARED)[number];

/** A version as run.json holds it: the fields named in `asRecord` are its record's. */
type SavedVersion = Partial<StepVersion> & { asRecord?: Shared[] };

/** by the record's message list, new each time the step runs: the fields last saved, the record before it (its messages and output, which the line may name) and the line */
const recordLines = new WeakMap<object, { fields: StepRecord; basis: unknown[]; line: string }>();
/** by a history's newest version: the list and the record's shared values last saved, and their line */
const historyLines = new WeakMap<StepVersion, { list: StepVersion[]; basis: unknown[]; line: string }>();


/** JSON.parse(runJson(state)), read with runStateFromJson, equals JSON.parse(JSON.stringify(state)); steps and history last. */
export function runJson(state: RunState): string {
  const { steps, history, ...rest } = state;
  const pieces: string[] = [`${JSON.stringify(rest).slice(0, -1)},\n"steps":{\n`];
  let previous: { key: string; record: StepRecord } | undefined;
  for (const [key, record] of Object.entries(steps)) {
    if (previous) pieces.push(',\n');
    pieces.push(recordLine(key, record, previous));
    previous = { key, record };
  }
  pieces.push('\n},\n"history":{\n');
  let first = true;
  for (const [key, list] of Object.entries(history ?? {})) {
    if (!first) pieces.push(',\n');
    first = false;
    pieces.push(historyLine(key, list, steps[key]));
  }
  pieces.push('\n}}\n');
  // encoded once, as the file is written: cheaper than a Buffer a line, which a first save pays for every line
  return pieces.join('');
}

/**
 * The run state a parsed run.json holds: each version's fields left to its record are put
 * back (shared with the record, as in the run). Files written before the compaction have
 * none to put back and come through unchanged. Changes `value` in place and returns it.
 */
export function runStateFromJson<T extends { steps: Record<string, StepRecord>; history?: Record<string, SavedVersion[]> }>(value: T): T {
  expandMessages(value.steps);
  for (const [key, list] of Object.entries(value.history ?? {})) {
    if (!Array.isArray(list)) continue;
    const record = value.steps[key];
    for (const version of list) {
      const fields = version?.asRecord;
      if (!Array.isArray(fields)) continue;
      delete version.asRecord;
      if (!record) continue;
      for (const field of fields) if (SHARED.includes(field)) (version as Record<string, unknown>)[field] = record[field];
    }
  }
  return value;
}

function recordLine(key: string, record: StepRecord, previous: { key: string; record: StepRecord } | undefined): string {
  if (!Array.isArray(record.messages)) return `${JSON.stringify(key)}:${JSON.stringify(record)}`;
  const basis = previous ? [previous.key, previous.record.messages, previous.record.output] : [];
  const last = recordLines.get(record.messages);
  if (
    last &&
    last.fields.key === key &&
    sameFields(last.fields, record) &&
    last.basis.length === basis.length &&
    last.basis.every((value, i) => value === basis[i])
  ) {
    return last.line;
  }
  const compacted = compactMessages(record, previous);
  const made = `${JSON.stringify(key)}:${JSON.stringify(compacted ? { ...record, ...compacted } : record)}`;
  // a copy: the run goes on changing the record it holds
  recordLines.set(record.messages, { fields: { ...record }, basis, line: made });
  return made;
}

function sameFields(a: StepRecord, b: StepRecord): boolean {
  const keys = Object.keys(b) as (keyof StepRecord)[];
  if (Object.keys(a).length !== keys.length) return false;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}

function historyLine(key: string, list: StepVersion[], record: StepRecord | undefined): string {
  // the record's values decide what the versions leave out, so they are part of the line's key
  const basis = record ? SHARED.map((field) => record[field]) : [];
  const line = () => `${JSON.stringify(key)}:${JSON.stringify(record ? list.map((version) => compact(version, record)) : list)}`;
  const newest = list[list.length - 1];
  if (!newest) return line();
  const last = historyLines.get(newest);
  if (
    last &&
    last.list.length === list.length &&
    last.list.every((version, i) => version === list[i]) &&
    last.basis.length === basis.length &&
    last.basis.every((value, i) => value === basis[i])
  ) {
    return last.line;
  }
  const made = line();
  historyLines.set(newest, { list: list.slice(), basis, line: made });
  return made;
}

/** `version` without the values it shares with `record` (the same value, not an equal one: a cheap test). */
function compact(version: StepVersion, record: StepRecord): StepVersion | SavedVersion {
  let asRecord: Shared[] | undefined;
  for (const field of SHARED) {
    if (version[field] !== undefined && version[field] === record[field]) (asRecord ??= []).push(field);
  }
  if (!asRecord) return version;
  // undefined rather than deleted (JSON leaves both out): the copy keeps the version's shape
  const saved: Record<string, unknown> = { ...version, asRecord };
  for (const field of asRecord) saved[field] = undefined;
  return saved;
}
