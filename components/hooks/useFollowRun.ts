// The selection follows the run: when a step starts, it becomes the selected one, so it is
// on screen while it streams (with `c` on a long workflow it used to run below the screen)
// and, once the run stops, r/e/f/m/h act on the result just made, not on a step the author
// reviewed long ago. Moving the selection (↑/↓, →/←, o, PgUp) takes it back until the next
// run command.
import { useRef } from 'react';
import type { RunView } from '../run-view.js';
import { itemFor } from './useFailedStep.js';

/** The step that started last (a Loop's body step rather than the Loop), if any. */
export function latestStarted(view: RunView | null): string | null {
  if (!view) return null;
  let latest: string | null = null;
  let at = -Infinity;
  // by start time, not by place in `order`: a re-run keeps its old place there
  for (const key of view.order) {
    const startedAt = view.records[key]?.startedAt;
    if (typeof startedAt === 'number' && startedAt >= at) {
      latest = key;
      at = startedAt;
    }
  }
  return latest;
}

export interface FollowRun {
  /** a run command: the selection follows the steps it runs */
  follow: () => void;
  /** the author moved: the selection stays where they put it */
  hold: () => void;
}

export function useFollowRun(view: RunView | null, ids: Set<string>, select: (id: string) => void): FollowRun {
  // off until the first run command: a resumed session opens where the author left it
  const following = useRef(false);
  const key = latestStarted(view);
  const seen = useRef(key);
  // during the render, not in an effect: the frame that shows the step is the frame that
  // selects it, so a key pressed on that frame acts on it
  if (key !== seen.current) {
    seen.current = key;
    const id = key && following.current ? itemFor(key, ids) : null;
    if (id) select(id);
  }
  const control = useRef<FollowRun>({ follow: () => void (following.current = true), hold: () => void (following.current = false) });
  return control.current;
}
