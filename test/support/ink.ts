// Helpers for ink-testing-library: wait for the frame to show something, never sleep.
export interface FrameSource {
  lastFrame: () => string | undefined;
}

/** Polls the last frame on every tick until `predicate` holds; fails with the frame after `timeoutMs`. */
export async function waitForFrame(source: FrameSource, predicate: (frame: string) => boolean, timeoutMs = 3000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = source.lastFrame() ?? '';
    if (predicate(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`timed out waiting for the frame; last frame:\n${frame}`);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Lets React and ink settle: two macrotask ticks. */
export async function ticks(count = 2): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export { KEYS } from './keys.js';
