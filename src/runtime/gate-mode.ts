// How far the author let the run go: nothing (idle), a number of actions (`n`), the rest
// of one phase (`p`), or everything (`c`). The run's gate asks `admit` at every action.
export type Mode = { kind: 'idle' } | { kind: 'count'; count: number } | { kind: 'phase'; phase: number } | { kind: 'all' };

export const IDLE: Mode = { kind: 'idle' };

/** Whether an action of `phase` may run, and the mode that is left after it. */
export function admit(mode: Mode, phase: number): { allowed: boolean; mode: Mode } {
  if (mode.kind === 'all') return { allowed: true, mode };
  if (mode.kind === 'phase') return mode.phase === phase ? { allowed: true, mode } : { allowed: false, mode: IDLE };
  if (mode.kind === 'count' && mode.count > 0) return { allowed: true, mode: mode.count > 1 ? { kind: 'count', count: mode.count - 1 } : IDLE };
  return { allowed: false, mode };
}
