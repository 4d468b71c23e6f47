// The run's gate: how far the last command lets the run go, and the pass parked there.
import { describe, expect, it } from 'vitest';
import { RunGate } from '../../src/runtime/run-gate.js';
import { IDLE } from '../../src/runtime/gate-mode.js';

describe('the run gate', () => {
  it('lets `n` through once, step by step, then holds', () => {
    const gate = new RunGate();
    expect(gate.admit(0)).toEqual({ allowed: false, stepping: true });
    gate.mode = { kind: 'count', count: 1 };
    expect(gate.admit(0)).toEqual({ allowed: true, stepping: true });
    expect(gate.mode).toEqual(IDLE);
    expect(gate.admit(0)).toEqual({ allowed: false, stepping: true });
  });

  it('lets `c` through without stepping (its tool calls do not ask)', () => {
    const gate = new RunGate();
    gate.mode = { kind: 'all' };
    expect(gate.admit(3)).toEqual({ allowed: true, stepping: false });
    expect(gate.mode).toEqual({ kind: 'all' });
  });

  it('parks a pass until woken, and knows the phase that waits (what `p` runs)', async () => {
    const gate = new RunGate();
    let told = 0;
    let woken = false;
    const parked = gate.park(2, () => told++).then(() => (woken = true));
    expect(told).toBe(1);
    expect(gate.parked).toBe(true);
    expect(gate.waitingPhase).toBe(2);
    await Promise.resolve();
    expect(woken).toBe(false);
    gate.wakeUp();
    // cleared at once, before the pass runs again, so `idle()` never sees a stale wake
    expect(gate.parked).toBe(false);
    await parked;
    expect(woken).toBe(true);
    gate.passed();
    expect(gate.waitingPhase).toBeNull();
  });

  it('waking with no pass parked does nothing', () => {
    const gate = new RunGate();
    gate.wakeUp();
    expect(gate.parked).toBe(false);
  });
});
