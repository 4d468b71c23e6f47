// run.json's bytes. Autosave writes it several times a second on a long session, so what
// has not changed since the last save is neither serialised nor encoded again: the file
// is a list of cached pieces, one step record or one step's history a line (greppable
// without indenting megabytes), written with one writev. That rests on the engine's
// promise (see saved-state.ts): it never changes a version (a rewind replaces it with a
// copy) and replaces the values inside a record rather than changing them, so a record
// whose every field is the same value as at the last save has the same JSON.
//
// A version shares its output, prompt, messages and attempts with the record made from it,
// so writing them twice would double the file (and the first save's time). A version
// whose field is the record's own value leaves it out and names it in `asRecord`; reading
// the file back (`runStateFromJson`) puts the record's value in its place again.
import type { RunState, StepRecord, StepVersion } from '../runtime/types.js';

/** The fields a version may leave to its record, the largest first. */
const SHARED = ['messages', 'output', 'prompt', 'attempts'] as const;
type Shared = (typeof SHARED)[number];

/** A version as run.json holds it: the fields named in `asRecord` are its record's. */
type SavedVersion = Partial<StepVersion> & { asRecord?: Shared[] };

/** by the record's message list, new each time the step runs: the fields last saved and their line */
const recordLines = new WeakMap<object, { fields: StepRecord; line: Buffer }>();
/** by a history's newest version: the list and the record's shared values last saved, and their line */
const historyLines = new WeakMap<StepVersion, { list: StepVersion[]; basis: unknown[]; line: Buffer }>();

const COMMA = Buffer.from(',\n');

/** JSON.parse(Buffer.concat(runJson(state))), read with runStateFromJson, equals JSON.parse(JSON.stringify(state)); steps and history last. */
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
    pieces.push(historyLine(key, list, steps[key]));
  }
  pieces.push(Buffer.from('\n}}\n'));
  return pieces;
}

/**
 * The run state a parsed run.json holds: each version's fields left to its record are put
 * back (shared with the record, as in the run). Files written before the compaction have
 * none to put back and come through unchanged. Changes `value` in place and returns it.
 */
export function runStateFromJson<T extends { steps: Record<string, StepRecord>; history?: Record<string, SavedVersion[]> }>(value: T): T {
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

function historyLine(key: string, list: StepVersion[], record: StepRecord | undefined): Buffer {
  // the record's values decide what the versions leave out, so they are part of the line's key
  const basis = record ? SHARED.map((field) => record[field]) : [];
  const line = () => Buffer.from(`${JSON.stringify(key)}:${JSON.stringify(record ? list.map((version) => compact(version, record)) : list)}`);
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
  const saved: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(version)) if (!asRecord.includes(field as Shared)) saved[field] = value;
  saved.asRecord = asRecord;
  return saved;
}
