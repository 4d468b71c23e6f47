// One clock for every spinner on screen: each tick re-renders them together, in one frame,
// instead of one timer (and one full redraw) per spinner.
import { useEffect, useState } from 'react';

const listeners = new Set<(tick: number) => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let tick = 0;

function subscribe(listener: (tick: number) => void, intervalMs: number): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    tick += 1;
    for (const notify of listeners) notify(tick);
  }, intervalMs);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

export function useTick(intervalMs: number): number {
  const [now, setNow] = useState(tick);
  useEffect(() => subscribe(setNow, intervalMs), [intervalMs]);
  return now;
}
