// The run screen's outline: which phases are open (the one being worked on opens by itself
// unless the author said otherwise), which row is selected, and the step the commands act on.
import { useCallback, useMemo, useState } from 'react';
import type { Workflow } from '../../src/compiler/types.js';
import type { StepRecord } from '../../src/runtime/types.js';
import type { RunView } from '../run-view.js';
import { buildOutline, isSelectable, phaseRecords, type OutlineItem } from '../outline.js';
import { topPhase } from '../../src/runtime/step-key.js';
import { failedRecord, useFailedStep } from './useFailedStep.js';
import { useFollowRun } from './useFollowRun.js';

export function useOutlineSelection(workflow: Workflow, view: RunView | null) {
  const [expandedByAuthor, setExpandedByAuthor] = useState<Record<number, boolean>>({});
  const [selectedId, setSelectedId] = useState<string | null>('p:0');

  const failed = failedRecord(view);
  // the phase being worked on (or the one that failed) opens by itself unless the author said otherwise
  const activePhase = topPhase(view?.next) ?? topPhase(view?.order.filter((key) => view.records[key]?.status === 'running').pop()) ?? topPhase(failed?.key) ?? 0;
  const isExpanded = useCallback((phase: number) => expandedByAuthor[phase] ?? phase === activePhase, [expandedByAuthor, activePhase]);
  const records = view?.records ?? {};
  const items = useMemo(() => buildOutline(workflow, records, isExpanded), [workflow, records, isExpanded]);
  const selectable = items.filter(isSelectable);
  const selectedIndex = Math.max(0, selectable.findIndex((item) => item.id === selectedId));
  const selected: OutlineItem | undefined = selectable[selectedIndex];
  const ids = new Set(selectable.map((item) => item.id));
  useFailedStep(failed, ids, setSelectedId);
  const { follow, hold } = useFollowRun(view, ids, setSelectedId);

  /** The step r/e/f/u/m act on: the selected step, or the selected phase's first step with a result. */
  const targetRecord = (): StepRecord | undefined => {
    if (!selected || !view) return undefined;
    if (selected.kind === 'step') return view.records[selected.key];
    return phaseRecords(view.order, view.records, selected.phase).find((record) => record.status === 'done' || record.status === 'failed');
  };

  return { failed, isExpanded, items, selectable, selectedIndex, selected, targetRecord, setSelectedId, setExpandedByAuthor, follow, hold };
}

export type OutlineSelection = ReturnType<typeof useOutlineSelection>;
