// Every output a step has had, newest last. Versions are never changed once written (a
// rewind replaces a version with a copy marked `dropped`), so records, versions and saved
// snapshots can share their outputs, messages and attempts instead of copying them.
import type { RunState, StepRecord, StepVersion, VersionReason } from './types.js';
import type { ExecuteBase } from './step-records.js';
import { blankRecord } from './step-records.js';
import { isBlockAction } from '../compiler/action-specs.js';

/** What a version says beyond the record it was taken from. */
export interface VersionNote {
  why: VersionReason;
  feedback?: string;
  from?: number;
  partial?: string;
}

/** A version showing what `record` shows now. */
export function versionOf(record: StepRecord, note: VersionNote): Omit<StepVersion, 'id'> {
  return {
    ...note,
    output: record.output,
    at: Date.now(),
    model: record.model,
    usage: record.usage,
    fingerprint: record.fingerprint,
    prompt: record.prompt,
    messages: record.messages,
    attempts: record.attempts,
    edited: record.edited,
    startedAt: record.startedAt,
    endedAt: record.endedAt,
    ...(record.toolCalls ? { toolCalls: record.toolCalls } : {}),
  };
}

/** A finished record that shows `version`, for the step the walk describes in `base`. */
export function recordFromVersion(base: ExecuteBase, version: StepVersion): StepRecord {
  return {
    ...blankRecord(base.key, base),
    status: 'done',
    output: version.output,
    model: version.model,
    messages: version.messages,
    attempts: version.attempts,
    edited: version.edited,
    usage: version.usage,
    fingerprint: version.fingerprint,
    startedAt: version.startedAt,
    endedAt: version.endedAt,
    current: version.id,
    toolCalls: version.toolCalls,
  };
}

export class StepHistory {
  constructor(private readonly state: RunState) {}

  versions(key: string): StepVersion[] {
    return this.state.history[key] ?? [];
  }

  find(key: string, id: number): StepVersion | undefined {
    return this.versions(key).find((version) => version.id === id);
  }

  add(key: string, version: Omit<StepVersion, 'id'>): StepVersion {
    const versions = (this.state.history[key] ??= []);
    const added: StepVersion = { ...version, id: (versions[versions.length - 1]?.id ?? 0) + 1 };
    versions.push(added);
    return added;
  }

  /** The newest version that may stand in for a generation with this fingerprint. */
  reusable(key: string, fingerprint: string): StepVersion | undefined {
    const versions = this.versions(key);
    for (let index = versions.length - 1; index >= 0; index--) {
      const version = versions[index]!;
      if (version.fingerprint === fingerprint && version.why !== 'cancelled' && !version.dropped) return version;
    }
    return undefined;
  }

  /**
   * A rewind dropped `record` from the run: its version, and every other one that would come
   * back in its place (same fingerprint), are kept but never brought back. Returns whether any changed.
   */
  drop(record: StepRecord): boolean {
    const versions = this.state.history[record.key];
    if (!versions) return false;
    let changed = false;
    const next = versions.map((version) => {
      if (version.dropped || (version.id !== record.current && version.fingerprint !== record.fingerprint)) return version;
      changed = true;
      return { ...version, dropped: true };
    });
    if (changed) this.state.history[record.key] = next;
    return changed;
  }
}

/** Histories for a run saved before they existed: each result is its step's only version. */
export function historyFromRecords(steps: Record<string, StepRecord>): RunState['history'] {
  const history: RunState['history'] = {};
  for (const record of Object.values(steps)) {
    const leaf = record.action && !isBlockAction(record.action);
    if (!leaf || record.status !== 'done') continue;
    history[record.key] = [{ id: 1, ...versionOf(record, { why: record.edited ? 'edited' : 'generated' }), at: record.endedAt ?? Date.now() }];
    record.current = 1;
  }
  return history;
}
