// The spinner of a running step: it moves on its own while the screen is otherwise still,
// and adds no frames of its own while the screen redraws anyway (a streaming output).
// Fake timers (and a fake clock) make the timing exact.
import { Profiler, useState } from 'react';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RunningMark } from '../../components/RunningMark.js';
import { ticks } from '../support/ink.js';

const SPINNER = /^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]$/;
let unmount: (() => void) | null = null;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'performance', 'Date'] });
});
afterEach(() => {
  unmount?.();
  unmount = null;
  vi.useRealTimers();
});

async function advance(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
  await ticks();
}

describe('RunningMark', () => {
  it('moves to the next frame every 200 ms when nothing else renders', async () => {
    const ui = render(<RunningMark />);
    unmount = ui.unmount;
    await ticks();
    const seen = [ui.lastFrame()];
    for (let i = 0; i < 3; i++) {
      await advance(200);
      seen.push(ui.lastFrame());
    }
    for (const frame of seen) expect(frame).toMatch(SPINNER);
    expect(new Set(seen).size).toBe(4);
  });

  it('renders only with its parent while the parent redraws every 70 ms', async () => {
    let parentRenders = 0;
    let markCommits = 0;
    let bump = () => {};
    function Streaming() {
      const [count, setCount] = useState(0);
      bump = () => setCount((n) => n + 1);
      parentRenders++;
      return (
        <Text>
          <Profiler id="mark" onRender={() => markCommits++}>
            <RunningMark />
          </Profiler>{' '}
          chunk {count}
        </Text>
      );
    }
    const ui = render(<Streaming />);
    unmount = ui.unmount;
    await ticks();
    const marks = new Set<string>();
    // 1.4 s: seven spinner intervals, none in step with the parent's frames
    for (let i = 1; i <= 20; i++) {
      await advance(70);
      bump();
      await ticks();
      marks.add(ui.lastFrame()!.slice(0, 1));
    }
    expect(ui.lastFrame()).toMatch(/ chunk 20$/);
    expect(parentRenders).toBe(21);
    expect(markCommits).toBe(21);
    // and it still moved: a new frame every 200 ms
    expect(marks.size).toBe(8); // frames 0 to 7 over 70…1400 ms
  });
});
