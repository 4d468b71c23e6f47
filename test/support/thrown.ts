// The error a call throws, checked to be of the expected class; fails the test when the
// call returns instead.
import { expect } from 'vitest';

export function thrown<E extends Error>(run: () => unknown, kind: abstract new (...args: never[]) => E, what = 'the call'): E {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(kind);
    return error as E;
  }
  throw new Error(`expected ${what} to throw a ${kind.name}`);
}
