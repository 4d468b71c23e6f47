import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeSession } from '../../src/session/write-session.js';
import { autosave } from '../../src/session/autosave.js';
import { sessionMarkdown } from '../../src/session/session-markdown.js';
import { savedState } from '../../src/runtime/saved-state.js';
import { createRun } from '../../src/runtime/create-run.js';
import type { RunEvent, RunListener, RunState } from '../../src/runtime/types.js';
import { compileFixture } from '../support/start-run.js';
import { poemState, record } from './states.js';
import { tempFolder } from './temp.js';
import { runStateFromJson } from '../../src/session/run-json.js';

/** A run that emits what a test tells it to, and counts how often its state is read (once a write). */
function fakeRun(state: RunState) {
  const listeners = new Set<RunListener>();
  const run = {
    reads: 0,
    get state() {
      run.reads++;
      return state;
    },
    subscribe(listener: RunListener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit(...events: RunEvent[]) {
      for (const event of events) for (const listener of listeners) listener(event);
    },
    listeners,
  };
  return run;
}

const ended = (key = '0.0'): RunEvent => ({ type: 'step-end', key, record: record(key, { action: 'GenText', phase: 0 }) });
/** lets the microtask that makes a quiet spell's first write run */
const settle = () => Promise.resolve();

function savedTitle(dir: string): string | null {
  const file = join(dir, 'run.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RunState).title : null;
}

describe('autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('writes the first change after a quiet spell at once, and never for streaming, starts or usage', async () => {
    const dir = join(tempFolder(), 'session');
    const state = poemState('/work/poem.mdx');
    const run = fakeRun(state);
    const saver = autosave(run, dir);
    run.emit(
      { type: 'step-start', key: '0.0', record: state.steps['0.0']! },
      { type: 'text-delta', key: '0.0', delta: 'Soft' },
      { type: 'object-delta', key: '0.0', partial: {} },
      { type: 'usage', usage: state.usage },
      { type: 'warning', key: '0.0', message: 'hm' },
      { type: 'paused', next: '0.0' },
    );
    await settle();
    vi.advanceTimersByTime(1000);
    expect(run.reads).toBe(0);
    expect(existsSync(dir)).toBe(false);

    run.emit(ended());
    await settle();
    expect(run.reads).toBe(1);
    expect(runStateFromJson(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')))).toEqual(JSON.parse(JSON.stringify(savedState(state))));
    expect(readFileSync(join(dir, 'output.md'), 'utf8')).toBe(sessionMarkdown(savedState(state)));
    saver.stop();
  });

  it('makes one write of the events one command emits together', async () => {
    const dir = tempFolder();
    const run = fakeRun(poemState('/work/poem.mdx'));
    const saver = autosave(run, dir);
    run.emit(ended(), { type: 'history', key: '0.0', restored: false }, { type: 'stale', keys: ['1.0'] }, { type: 'status', status: 'paused' });
    await settle();
    expect(run.reads).toBe(1);
    saver.stop();
  });

  it('writes later changes at most every 250 ms, the last one always', async () => {
    const dir = tempFolder();
    const state = poemState('/work/poem.mdx');
    const run = fakeRun(state);
    const saver = autosave(run, dir);
    state.title = 'first';
    run.emit(ended());
    await settle();
    expect(savedTitle(dir)).toBe('first');

    vi.advanceTimersByTime(100);
    state.title = 'edited';
    run.emit({ type: 'history', key: '0.0', restored: false });
    vi.advanceTimersByTime(50);
    state.title = 'restored';
    run.emit({ type: 'stale', keys: ['1.0'] }, { type: 'done', ok: true, error: null });
    await settle();
    vi.advanceTimersByTime(99);
    expect(savedTitle(dir)).toBe('first');
    expect(run.reads).toBe(1);
    vi.advanceTimersByTime(1);
    expect(savedTitle(dir)).toBe('restored');
    expect(run.reads).toBe(2);
    expect(vi.getTimerCount()).toBe(0);

    // quiet for longer than the interval: the next change goes out at once again
    vi.advanceTimersByTime(300);
    state.title = 'later';
    run.emit({ type: 'status', status: 'done' });
    await settle();
    expect(savedTitle(dir)).toBe('later');
    expect(run.reads).toBe(3);
    saver.stop();
  });

  it('flush writes what is pending, synchronously, and nothing when all is saved', async () => {
    const dir = tempFolder();
    const state = poemState('/work/poem.mdx');
    const run = fakeRun(state);
    const saver = autosave(run, dir);
    saver.flush();
    expect(run.reads).toBe(0);
    run.emit(ended());
    await settle();
    state.title = 'at exit';
    run.emit(ended());
    expect(vi.getTimerCount()).toBe(1);
    saver.flush();
    expect(savedTitle(dir)).toBe('at exit');
    expect(vi.getTimerCount()).toBe(0);
    saver.flush();
    expect(run.reads).toBe(2);
    saver.stop();
  });

  it('stop leaves no timer and no listener, and writes nothing more', async () => {
    const dir = tempFolder();
    const run = fakeRun(poemState('/work/poem.mdx'));
    const saver = autosave(run, dir);
    run.emit(ended());
    await settle();
    run.emit(ended());
    saver.stop();
    expect(vi.getTimerCount()).toBe(0);
    expect(run.listeners.size).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(run.reads).toBe(1);
  });

  it('a write that fails is reported once with the folder, and error() clears when a write succeeds again', async () => {
    const base = tempFolder();
    writeFileSync(join(base, 'blocker'), '');
    const dir = join(base, 'blocker', 'session');
    const errors: string[] = [];
    const run = fakeRun(poemState('/work/poem.mdx'));
    const saver = autosave(run, dir, { onError: (message) => errors.push(message) });
    run.emit(ended());
    await settle();
    expect(errors).toEqual([expect.stringMatching(new RegExp(`^cannot save the run in ${dir}: ENOTDIR: .+; make sure the folder can be written, or save elsewhere with --out DIR$`))]);
    expect(saver.error()).toBe(errors[0]);
    run.emit(ended());
    saver.flush();
    expect(errors).toHaveLength(1);

    rmSync(join(base, 'blocker'));
    run.emit(ended());
    saver.flush();
    expect(saver.error()).toBeNull();
    expect(savedTitle(dir)).toBe('poem');
    saver.stop();
  });
});

describe('two stepwise on one session (two windows on the same file)', () => {
  it('the one that saves second moves to a new session folder and says so: neither overwrites the other', () => {
    const folder = join(tempFolder(), 'poem');
    const dir = join(folder, '2026-01-01T10-00-00-000Z');
    writeSession(poemState('/work/poem.mdx'), dir);
    const { mtimeMs: savedAt, ino: savedIno } = statSync(join(dir, 'run.json'));
    const firstState = poemState('/work/poem.mdx');
    const secondState = poemState('/work/poem.mdx');
    const moves: string[] = [];
    const first = autosave(fakeRun(firstState), dir, { savedAt, savedIno });
    const second = autosave(fakeRun(secondState), dir, { savedAt, savedIno, onMoved: (to, message) => moves.push(to, message) });

    firstState.title = 'run in the first window';
    first.flush(true);
    expect(savedTitle(dir)).toBe('run in the first window');
    secondState.title = 'run in the second window';
    second.flush(true);
    expect(savedTitle(dir)).toBe('run in the first window');
    expect(second.dir).not.toBe(dir);
    expect(dirname(second.dir)).toBe(folder);
    expect(savedTitle(second.dir)).toBe('run in the second window');
    expect(moves).toEqual([second.dir, `another stepwise saved this session (${dir}) too: this one now saves to ${second.dir}, so neither overwrites the other`]);

    // each goes on saving in its own folder, the first one in place
    firstState.title = 'first again';
    first.flush(true);
    secondState.title = 'second again';
    second.flush(true);
    expect([savedTitle(dir), savedTitle(second.dir)]).toEqual(['first again', 'second again']);
    expect(first.dir).toBe(dir);
    expect(moves).toHaveLength(2);
    expect(readdirSync(folder).sort()).toEqual([dir, second.dir].map((d) => d.slice(folder.length + 1)).sort());
    first.stop();
    second.stop();
  });

  it('its own write that failed halfway (run.json written, output.md not) is not taken for another stepwise\'s', () => {
    const dir = join(tempFolder(), 'session');
    writeSession(poemState('/work/poem.mdx'), dir);
    const { mtimeMs: savedAt, ino: savedIno } = statSync(join(dir, 'run.json'));
    const moves: string[] = [];
    const state = poemState('/work/poem.mdx');
    state.title = 'changed';
    const saver = autosave(fakeRun(state), dir, { savedAt, savedIno, onMoved: (to) => moves.push(to) });
    // a folder where output.md goes: run.json is written, output.md cannot be
    rmSync(join(dir, 'output.md'));
    mkdirSync(join(dir, 'output.md'));
    saver.flush(true);
    expect(saver.error()).toMatch(/^cannot save the run in /);
    rmSync(join(dir, 'output.md'), { recursive: true });
    saver.flush(true);
    expect(saver.error()).toBeNull();
    expect(moves).toEqual([]);
    expect(saver.dir).toBe(dir);
    expect(existsSync(join(dir, 'output.md'))).toBe(true);
    saver.stop();
  });

  it('a session folder removed while the run is open is written again in place', () => {
    const dir = join(tempFolder(), 'session');
    writeSession(poemState('/work/poem.mdx'), dir);
    const saver = autosave(fakeRun(poemState('/work/poem.mdx')), dir, { savedAt: statSync(join(dir, 'run.json')).mtimeMs, savedIno: statSync(join(dir, 'run.json')).ino });
    rmSync(dir, { recursive: true });
    saver.flush(true);
    expect(saver.dir).toBe(dir);
    expect(savedTitle(dir)).toBe('poem');
    saver.stop();
  });
});

describe('autosave of a real run', () => {
  it('leaves the session folder holding the run as it ended', async () => {
    const dir = tempFolder();
    const workflow = compileFixture('runtime/nested-loop.mdx');
    const run = await createRun({ env: { STEPWISE_ECHO_DELAY_MS: '0' }, workflow, inputs: {} });
    const saver = autosave(run, dir);
    run.start();
    run.continue();
    await run.idle();
    saver.flush();
    saver.stop();
    try {
      expect(run.state.status).toBe('done');
      expect(runStateFromJson(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')))).toEqual(JSON.parse(JSON.stringify(savedState(run.state))));
      const markdown = readFileSync(join(dir, 'output.md'), 'utf8');
      expect(markdown).toContain('### outer · Loop\n\n#### outer · iteration 1\n\n##### inner · Loop\n\n###### inner · iteration 1\n\n###### cell · GenText · echo\n\n> Cell a1 after 0\n\nCell a1 after 0\n\n');
      expect(markdown).toContain('#### outer · iteration 2\n');
      expect(markdown).toContain('###### inner · iteration 3\n\n###### cell · GenText · echo\n\n> Cell b3 after 2\n\nCell b3 after 2\n');
    } finally {
      run.dispose();
    }
  });
});
