// The RunView store: streamed text reaches React at most ~30 times a second, and records
// that did not change keep their identity (so memoised panels skip them).
import { afterEach, describe, expect, it } from 'vitest';
import { RunViewStore } from '../../components/run-view.js';
import { startRun } from '../support/start-run.js';
import type { Run } from '../../src/runtime/run.js';
import type { GenerateRequest, GenerateResult } from '../../src/models/types.js';

let run: Run | undefined;
let store: RunViewStore | undefined;
afterEach(() => {
  store?.dispose();
  run?.dispose();
});

describe('RunViewStore', () => {
  it('publishes 1,000 streamed chunks in one update, not one per chunk', async () => {
    let stream: ((delta: string) => void) | undefined;
    let finish: (() => void) | undefined;
    const generate = (request: GenerateRequest) =>
      new Promise<GenerateResult>((resolve) => {
        stream = request.onTextDelta;
        finish = () => resolve({ output: 'done', usage: { inputTokens: 1, outputTokens: 1 } });
      });
    ({ run } = await startRun('runtime/conversation.mdx', { generate }));
    store = new RunViewStore(run, 10_000);
    let updates = 0;
    store.subscribe(() => updates++);
    run.next();
    // the status change (ready -> running) is published at once; wait for it
    while (!stream || store.getSnapshot().status !== 'running') await new Promise<void>((resolve) => setImmediate(resolve));
    const before = updates;
    for (let i = 0; i < 1000; i++) stream('x');
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(updates).toBe(before);
    store.flush();
    expect(updates).toBe(before + 1);
    expect(store.getSnapshot().records['0.0']!.partial).toBe('x'.repeat(1000));
    finish!();
    await run.idle();
  });

  it('publishes a change of the run\'s state at once, without waiting for the frame timer', async () => {
    ({ run } = await startRun('runtime/conversation.mdx'));
    store = new RunViewStore(run, 10_000);
    const statuses: Array<string | null> = [];
    store.subscribe(() => statuses.push(store!.getSnapshot().status));
    run.next();
    await run.idle();
    for (let i = 0; i < 5 && !statuses.includes('paused'); i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
    expect(statuses).toContain('paused');
  });

  it('keeps the copy of a record that did not change', async () => {
    ({ run } = await startRun('runtime/conversation.mdx'));
    store = new RunViewStore(run);
    run.next();
    await run.idle();
    store.flush();
    const first = store.getSnapshot().records['0.0'];
    run.next();
    await run.idle();
    store.flush();
    expect(store.getSnapshot().records['0.0']).toBe(first);
    expect(store.getSnapshot().records['0.1']!.status).toBe('done');
  });
});
