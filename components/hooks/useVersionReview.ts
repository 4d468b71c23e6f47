// The history view (`h`) and the diff view (`d`): which step and version they show, their
// keys (screen-keys.ts), and the run commands they send. screens/ReviewScreen renders
// them and hands them the keyboard while one is open.
import { useState } from 'react';
import type { RunHandle } from '../../src/runtime/run-handle.js';
import type { StepRecord } from '../../src/runtime/types.js';
import type { RunView } from '../run-view.js';
import type { KeyName } from '../keys.js';
import { screenAction } from '../screen-keys.js';
import { scrollStep } from './useScreenKeys.js';
import { versionText } from '../HistoryView.js';
import { diffScrollLimit, type DiffSubject } from '../DiffView.js';

export type ReviewMode = 'history' | 'diff';

export interface VersionReviewOptions {
  run: RunHandle | null;
  view: RunView | null;
  mode: string;
  setMode: (mode: 'main' | ReviewMode) => void;
  setNotice: (notice: string | null) => void;
}

export function useVersionReview({ run, view, mode, setMode, setNotice }: VersionReviewOptions) {
  const [step, setStep] = useState<{ key: string; name: string } | null>(null);
  // by id, not row: a version made while the view is open goes on top without moving the selection
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [subject, setSubject] = useState<DiffSubject | null>(null);
  const [diffFrom, setDiffFrom] = useState<'main' | 'history'>('main');
  const [scroll, setScroll] = useState(0);

  const versions = step ? [...(view?.history[step.key] ?? [])].reverse() : [];
  const current = step ? view?.records[step.key]?.current : undefined;
  const selected = Math.max(0, versions.findIndex((version) => version.id === selectedId));

  const openHistory = (key: string, name: string) => {
    const found = [...(view?.history[key] ?? [])].reverse();
    if (!found.length) return setNotice(`${name} has no versions yet: run it first (n)`);
    const shown = view?.records[key]?.current;
    setStep({ key, name });
    setSelectedId((found.find((version) => version.id === shown) ?? found[0]!).id);
    setMode('history');
  };

  const showDiff = (diff: DiffSubject, from: 'main' | 'history') => {
    setSubject(diff);
    setScroll(0);
    setDiffFrom(from);
    setMode('diff');
  };

  const diffVersion = () => {
    const version = versions[selected];
    const shown = versions.find((candidate) => candidate.id === current);
    if (!step || !version) return;
    if (!shown) return setNotice(`${step.name} shows no version now (it was rewound): Enter brings the selected one back`);
    if (version.id === shown.id) return setNotice(`#${version.id} is the current version: select another (↑/↓) to compare`);
    showDiff(
      { title: `Output of ${step.name}`, beforeName: `#${version.id}`, afterName: `#${shown.id} (current)`, before: versionText(version), after: versionText(shown), same: 'the same words' },
      'history',
    );
  };

  /** `d` on the main screen: the prompt a stale result was made from against the one the step would send now. */
  const diffPrompt = (record: StepRecord | undefined) => {
    if (!record) return setNotice('nothing to diff: select a stale step (↑/↓), or a version in the history (h)');
    const name = record.as ?? record.key;
    if (!record.stale) return setNotice(`${name} is not stale: d shows what changed in a stale step's prompt (in h: between versions)`);
    const pending = view?.pending;
    if (pending?.key !== record.key) return setNotice(`the prompt ${name} would send now depends on steps that have not run yet: run them (n), then press d`);
    showDiff(
      {
        title: `Prompt of ${name}`,
        beforeName: 'its result was made from',
        afterName: 'it would send now',
        before: record.prompt,
        after: pending.prompt,
        same: 'the same words: it went stale for an earlier result, its attributes or its model',
      },
      'main',
    );
  };

  const restore = () => {
    const version = versions[selected];
    setMode('main');
    if (!step || !version) return;
    if (version.id === current) return setNotice(`#${version.id} is already the current version of ${step.name}`);
    run?.restore(step.key, version.id);
    setNotice(`restored #${version.id} of ${step.name}`);
  };

  /** The open view's keys, as screen-keys.ts names them. */
  const onKey = (name: KeyName | null, size: { width: number; height: number }): void => {
    const move = scrollStep(name, Math.max(1, size.height - 2));
    if (mode === 'history') {
      const action = screenAction('history', name);
      if (action === 'diff') return diffVersion();
      setNotice(null);
      if (action === 'back') setMode('main');
      else if (action === 'restore') restore();
      else if (action === 'select') setSelectedId(versions[Math.min(versions.length - 1, Math.max(0, selected + move))]?.id ?? null);
      return;
    }
    const action = screenAction('diff', name);
    if (action === 'back') setMode(diffFrom);
    else if (action === 'scroll' && subject) {
      const limit = diffScrollLimit(subject, size.width, size.height);
      setScroll((was) => Math.min(limit, Math.max(0, was + move)));
    }
  };

  return {
    openHistory,
    /** `d`: in the history, the selected version against the current one; elsewhere a stale step's prompt */
    diff: (record: StepRecord | undefined) => (mode === 'history' ? diffVersion() : diffPrompt(record)),
    onKey,
    history: step ? { name: step.name, versions, current, selected } : null,
    diffView: subject ? { subject, scroll } : null,
  };
}
