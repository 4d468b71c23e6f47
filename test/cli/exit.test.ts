// The exit plan in-process: which listeners it installs and what each way out runs. The
// real signals against the real binary are in test/e2e (sessions-headless, sessions-tui);
// this catches a removed handler without a build.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT_SIGNALS, onExit, type ExitSignal } from '../../src/cli/exit.js';

type Listener = (...args: unknown[]) => void;
const events = [...EXIT_SIGNALS, 'uncaughtException', 'unhandledRejection'] as const;

/** Installs a plan that records what it was asked to do; returns the listeners it added. */
function install(code?: number) {
  const before = new Map(events.map((event) => [event, process.listeners(event as 'SIGINT')]));
  const calls: string[] = [];
  const uninstall = onExit({ stop: (signal) => calls.push(`stop ${signal}`), now: (reason) => calls.push(`now ${reason}`), code });
  const added = (event: (typeof events)[number]) =>
    (process.listeners(event as 'SIGINT') as Listener[]).filter((listener) => !before.get(event)!.includes(listener as never));
  return { calls, uninstall, added, before };
}

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
  vi.restoreAllMocks();
});

describe('onExit', () => {
  it('listens to SIGINT, SIGTERM, SIGHUP and crashes, and the uninstaller removes every listener', () => {
    const plan = install();
    for (const event of events) expect(plan.added(event), event).toHaveLength(1);
    plan.uninstall();
    for (const event of events) expect(process.listeners(event as 'SIGINT'), event).toEqual(plan.before.get(event));
  });

  it.each(EXIT_SIGNALS)('a first %s asks the work to stop; a second one exits at once with the code', (signal: ExitSignal) => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const plan = install(3);
    uninstall = plan.uninstall;
    const [handler] = plan.added(signal);
    handler!();
    expect(plan.calls).toEqual([`stop ${signal}`]);
    expect(exit).not.toHaveBeenCalled();
    handler!();
    expect(plan.calls).toEqual([`stop ${signal}`, `now ${signal}`]);
    expect(exit).toHaveBeenCalledWith(3);
  });

  it('a crash runs the last steps and exits 1', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const plan = install();
    uninstall = plan.uninstall;
    plan.added('uncaughtException')[0]!(new Error('boom'));
    expect(plan.calls).toEqual(['now crash']);
    expect(exit).toHaveBeenCalledWith(1);
  });
});
