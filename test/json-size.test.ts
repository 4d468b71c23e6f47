// jsonSize: the bytes a value takes as compact JSON, without serialising it.
import { describe, expect, it } from 'vitest';
import { jsonSize } from '../src/json-size.js';

describe('jsonSize', () => {
  it('is the UTF-8 length of JSON.stringify, escapes included', () => {
    for (const value of [{ a: 'x"y\\z\n\t\u0001é€😀' }, [1, null, true, 'q', { b: [] }], 'plain', { u: undefined, n: 1.5 }, [undefined, () => 1]]) {
      expect(jsonSize(value), JSON.stringify(value)).toBe(Buffer.byteLength(JSON.stringify(value)));
    }
  });

  it('stops counting once past the cap', () => {
    const big = Array.from({ length: 1000 }, () => 'x'.repeat(1000));
    const counted = jsonSize(big, 10_000);
    expect(counted).toBeGreaterThan(10_000);
    expect(counted).toBeLessThan(20_000);
  });
});
