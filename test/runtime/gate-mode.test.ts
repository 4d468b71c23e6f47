import { describe, expect, it } from 'vitest';
import { admit, IDLE } from '../../src/runtime/gate-mode.js';

describe('admit: the gate asks it at every action', () => {
  it('idle lets nothing through', () => {
    expect(admit(IDLE, 0)).toEqual({ allowed: false, mode: IDLE });
  });

  it('a count lets that many actions through, then goes idle', () => {
    const first = admit({ kind: 'count', count: 2 }, 0);
    expect(first).toEqual({ allowed: true, mode: { kind: 'count', count: 1 } });
    const second = admit(first.mode, 3);
    expect(second).toEqual({ allowed: true, mode: IDLE });
    expect(admit(second.mode, 3)).toEqual({ allowed: false, mode: IDLE });
  });

  it('a phase lets its own actions through and stops at the first action of another phase', () => {
    expect(admit({ kind: 'phase', phase: 1 }, 1)).toEqual({ allowed: true, mode: { kind: 'phase', phase: 1 } });
    expect(admit({ kind: 'phase', phase: 1 }, 2)).toEqual({ allowed: false, mode: IDLE });
  });

  it('all lets everything through', () => {
    expect(admit({ kind: 'all' }, 7)).toEqual({ allowed: true, mode: { kind: 'all' } });
  });
});
