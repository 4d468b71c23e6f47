// The gate every action of a run passes: how far the author's last command lets the run go
// (the pure `admit()` of gate-mode.ts decides), and the one pass parked there waiting for
// the next command.
import { admit, IDLE, type Mode } from './gate-mode.js';

export class RunGate {
  /** how far the run may go: idle, `n` actions, the rest of a phase (`p`), or everything (`c`) */
  mode: Mode = IDLE;
  /** the top-level phase of the step parked at the gate (what `p` runs), null when none is */
  waitingPhase: number | null = null;
  private wake: (() => void) | null = null;

  /** Whether an action of `phase` may run now; `stepping` when `n` or `p` let it through (its tool calls ask first). */
  admit(phase: number): { allowed: boolean; stepping: boolean } {
    const stepping = this.mode.kind !== 'all';
    const { allowed, mode } = admit(this.mode, phase);
    this.mode = mode;
    return { allowed, stepping };
  }

  /** Parks the pass until the next command (or a stop) wakes it; `parked` runs once it waits. */
  park(phase: number, parked: () => void): Promise<void> {
    this.waitingPhase = phase;
    return new Promise<void>((resolve) => {
      this.wake = resolve;
      parked();
    });
  }

  /** The step left the gate to run. */
  passed(): void {
    this.waitingPhase = null;
  }

  /** Whether a pass waits at the gate for a command. */
  get parked(): boolean {
    return this.wake !== null;
  }

  /** Lets a parked pass continue; cleared at once so `idle()` never sees a stale wake. */
  wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
