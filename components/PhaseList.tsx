// Every phase as a PhasePanel, windowed: only the items that fit in `height` around the
// selection are rendered, so a 200-phase workflow costs what one screen costs.
import { useRef } from 'react';
import { Box, Text } from 'ink';
import type { Workflow } from '../src/compiler/types.js';
import type { RunView } from './run-view.js';
import { phaseMark } from './marks.js';
import type { OutlineItem } from './outline.js';
import { stepKey } from '../src/runtime/step-key.js';
import { PhasePanel } from './PhasePanel.js';
import { StepView, stepHeight, stepNeed, type StepViewProps } from './StepView.js';
import { PROMPT_LINES, clippedOutputLines, stepBudgets, type Budget, type StepNeed } from './step-budgets.js';
import { headLines } from './format.js';
import { pinnedLength, type OutputScroll } from './output-scroll.js';
import { windowStart } from './list-window.js';

export interface PhaseListProps {
  workflow: Workflow;
  view: RunView | null;
  items: OutlineItem[];
  selectedId: string | null;
  isExpanded: (phase: number) => boolean;
  width: number;
  height: number;
  /** output scroll per step key */
  scrolls: Record<string, OutputScroll>;
  /** the prompt a step would send now (run.preview), shown for one that has not run or is stale */
  preview?: (key: string) => string | undefined;
}

const EMPTY = {};

type StepItem = Extract<OutlineItem, { kind: 'step' }>;

function stepProps(item: StepItem, props: PhaseListProps, budget?: Budget): StepViewProps {
  const records = props.view?.records ?? EMPTY;
  const record = (records as Record<string, NonNullable<RunView['records'][string]>>)[item.key];
  const selected = props.selectedId === item.id;
  const running = record?.status === 'running';
  return {
    as: item.step.action!.as,
    action: item.step.action!.name,
    depth: item.depth,
    compact: item.compact,
    record,
    partial: props.view?.partials[item.key],
    selected,
    width: props.width,
    outputLines: budget?.output ?? clippedOutputLines(props.height, selected || running),
    promptLines: budget?.prompt,
    scroll: props.scrolls[item.key]?.up ?? 0,
    until: pinnedLength(props.scrolls[item.key], record),
    live: running && props.view?.status === 'running',
    preview: !item.compact && (!record || record.stale) ? props.preview?.(item.key) : undefined,
  };
}

function trailingLines(item: Extract<OutlineItem, { kind: 'trailing' }>, props: PhaseListProps): string[] {
  const prompt = props.view?.records[item.key]?.prompt ?? '';
  return headLines(prompt.trim(), Math.max(10, props.width - 4 - item.depth * 2), PROMPT_LINES).lines;
}

/** Every expanded step's budget: all of its text while the list fits, clipped when it does not. */
function budgetsFor(items: OutlineItem[], props: PhaseListProps): Map<string, Budget> {
  const needs: StepNeed[] = [];
  let otherLines = 0;
  for (const item of items) {
    const step = item.kind === 'step' && !item.compact ? stepProps(item, props) : null;
    if (!step || (!step.record && step.preview === undefined)) {
      otherLines += item.kind === 'trailing' ? trailingLines(item, props).length : 1;
      continue;
    }
    needs.push({ id: item.id, ...stepNeed(step, props.height), selected: step.selected, running: step.record?.status === 'running' });
  }
  return stepBudgets(needs, otherLines, props.height);
}

function itemHeight(item: OutlineItem, props: PhaseListProps, budgets: Map<string, Budget>): number {
  if (item.kind === 'step') return stepHeight(stepProps(item, props, budgets.get(item.id)));
  if (item.kind === 'trailing') return trailingLines(item, props).length;
  return 1;
}

/** ` of 50` while a Loop runs and its `until` tells the count ahead: its own row may be scrolled off in a long loop. */
function iterationTotal(loop: RunView['records'][string] | undefined): string {
  const total = loop?.status === 'running' ? loop.progress?.total : null;
  return typeof total === 'number' ? ` of ${total}` : '';
}

export function PhaseList(props: PhaseListProps) {
  const { items, workflow, view, height } = props;
  const topRef = useRef(0);
  const selected = items.findIndex((item) => item.id === props.selectedId);
  const budgets = budgetsFor(items, props);
  const heights = items.map((item) => itemHeight(item, props, budgets));
  const top = windowStart(heights, selected, topRef.current, height);
  topRef.current = top;
  const visible: OutlineItem[] = [];
  for (let index = top, used = 0; index < items.length && used < height; index++) {
    visible.push(items[index]!);
    used += heights[index]!;
  }
  const groups = new Map<number, OutlineItem[]>();
  for (const item of visible) groups.set(item.phase, [...(groups.get(item.phase) ?? []), item]);
  const records = view?.records ?? {};
  return (
    <Box flexDirection="column" height={height} overflow="hidden" flexShrink={0}>
      {[...groups].map(([phase, group]) => {
        const steps = workflow.root.phases[phase]!.steps.filter((step) => step.action);
        const done = steps.filter((step) => records[stepKey('', step)]?.status === 'done').length;
        return (
          <PhasePanel
            key={phase}
            phase={phase}
            mark={phaseMark(workflow.root.phases[phase]!, records, phase, view?.status ?? null)}
            expanded={props.isExpanded(phase)}
            selected={props.selectedId === `p:${phase}`}
            showHeader={group[0]!.kind === 'phase'}
            done={done}
            total={steps.length}
          >
            {group.map((item) => {
              if (item.kind === 'step') return <StepView key={item.id} {...stepProps(item, props, budgets.get(item.id))} />;
              if (item.kind === 'iteration') {
                return (
                  <Text key={item.id} dimColor wrap="truncate">
                    {'  '}
                    {' '.repeat(item.depth * 2)}iteration {item.index + 1}
                    {iterationTotal(records[item.key])}
                  </Text>
                );
              }
              if (item.kind === 'trailing') {
                return (
                  <Box key={item.id} flexDirection="column" marginLeft={4 + item.depth * 2}>
                    {trailingLines(item, props).map((line, index) => (
                      <Text key={index} dimColor wrap="truncate">
                        {line || ' '}
                      </Text>
                    ))}
                  </Box>
                );
              }
              return null;
            })}
          </PhasePanel>
        );
      })}
    </Box>
  );
}
