// The frame number of a spinner, from the clock: any render shows the current frame. One
// shared timer re-renders a spinner only when nothing else has for most of an interval.
// While a model streams, the output's own frames (10 a second) re-render the running
// step and its spinner with them, so the timer adds no frames of its own; while the run
// waits for a slow model, the timer keeps the spinners moving.
import { useEffect, useLayoutEffect, useReducer, useRef } from 'react';

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void, intervalMs: number): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    for (const notify of listeners) notify();
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
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const renderedAt = useRef(0);
  useLayoutEffect(() => {
    renderedAt.current = performance.now();
  });
  useEffect(
    () =>
      subscribe(() => {
        // rendered within the last three quarters of an interval: that frame is recent enough
        if (performance.now() - renderedAt.current >= intervalMs * 0.75) rerender();
      }, intervalMs),
    [intervalMs],
  );
  return Math.floor(performance.now() / intervalMs);
}
