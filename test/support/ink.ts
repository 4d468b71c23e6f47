// Helpers for ink-testing-library: wait for the frame to show something, never sleep.
export interface FrameSource {
  lastFrame: () => string | undefined;
}

/**
 * Polls the last frame on every tick until it shows `until` (a string it contains, or a
 * predicate); fails with the last frame after `timeoutMs`. The one frame-waiting helper of
 * the ink tests.
 */
export async function waitForFrame(source: FrameSource, until: string | ((frame: string) => boolean), timeoutMs = 3000): Promise<string> {
  const matches = typeof until === 'string' ? (frame: string) => frame.includes(until) : until;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = source.lastFrame() ?? '';
    if (matches(frame)) return frame;
    if (Date.now() > deadline) {
      const wanted = typeof until === 'string' ? JSON.stringify(until) : 'the condition';
      throw new Error(`timed out waiting for a frame showing ${wanted}; last frame:\n${frame}`);
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Lets React and ink settle: two macrotask ticks. */
export async function ticks(count = 2): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export { KEYS } from './keys.js';
