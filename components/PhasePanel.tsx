// One top-level phase: a header with its status mark and progress, then its steps
// (PhaseList passes the ones inside the visible window as children).
import type { ReactNode } from 'react';
import { memo } from 'react';
import { Box, Text } from 'ink';
import { RunningMark } from './RunningMark.js';
import { MARK_COLORS, MARK_GLYPHS, type Mark } from './marks.js';
import { tint } from './palette.js';

export interface PhasePanelProps {
  phase: number;
  mark: Mark;
  expanded: boolean;
  selected: boolean;
  /** false when the header scrolled above the window */
  showHeader: boolean;
  done: number;
  total: number;
  children?: ReactNode;
}

function PhasePanelImpl({ phase, mark, expanded, selected, showHeader, done, total, children }: PhasePanelProps) {
  return (
    <Box flexDirection="column" flexShrink={0}>
      {showHeader ? (
        <Text wrap="truncate">
          {selected ? <Text color={tint('cyan')}>›</Text> : ' '} {expanded ? '▾' : '▸'}{' '}
          {mark === 'running' ? <RunningMark /> : <Text color={tint(MARK_COLORS[mark])}>{MARK_GLYPHS[mark]}</Text>}{' '}
          <Text bold>Phase {phase + 1}</Text>
          <Text dimColor>
            {'  '}
            {done}/{total} action{total === 1 ? '' : 's'}
          </Text>
        </Text>
      ) : null}
      {children}
    </Box>
  );
}

export const PhasePanel = memo(PhasePanelImpl);
