// How the process ends, in one place. Every way out — Ctrl+C, SIGTERM, SIGHUP, a second
// Ctrl+C, a crash — runs the same ordered shutdown: stop the work, save, restore the
// terminal. No other module and no dependency decides how stepwise exits: our listeners
// are the process's own, so signal-exit style hooks in dependencies see another listener
// and do not re-send the signal.
import { ignoreClosedOutput } from './io.js';

export const EXIT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type ExitSignal = (typeof EXIT_SIGNALS)[number];

export interface ExitPlan {
  /**
   * The first signal: ask the work to stop (cancel the running step). The front end's own
   * path then saves and returns its exit code.
   */
  stop(signal: ExitSignal): void;
  /** A second signal or a crash: the last synchronous steps (save, restore the terminal). */
  now(reason: ExitSignal | 'crash', error?: unknown): void;
  /** the exit code after `now` (default 1) */
  code?: number;
}

/** Installs the plan for every exit signal and for crashes; returns the uninstaller. */
export function onExit(plan: ExitPlan): () => void {
  let stopping = false;
  const finish = (reason: ExitSignal | 'crash', error?: unknown) => {
    try {
      plan.now(reason, error);
    } finally {
      process.exit(plan.code ?? 1);
    }
  };
  const handlers = EXIT_SIGNALS.map((signal) => {
    const handler = () => {
      if (stopping) return finish(signal);
      stopping = true;
      plan.stop(signal);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  const crash = (error: unknown) => finish('crash', error);
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  // after SIGHUP the terminal is gone: writing to it must not become a crash of its own
  ignoreClosedOutput();
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
    process.off('uncaughtException', crash);
    process.off('unhandledRejection', crash);
  };
}
