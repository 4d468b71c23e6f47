import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runJson, runStateFromJson } from '../../src/session/run-json.js';
import { loadSession } from '../../src/session/load-session.js';
import { writeSession } from '../../src/session/write-session.js';
import { savedState } from '../../src/runtime/saved-state.js';
import type { RunState } from '../../src/runtime/types.js';
import { poemState, version } from './states.js';
import { tempFolder } from './temp.js';

const text = (state: RunState) => Buffer.concat(runJson(state)).toString('utf8');
const plain = (state: RunState) => JSON.parse(JSON.stringify(state));
const read = (json: string) => runStateFromJson(JSON.parse(json));

describe('run.json', () => {
  it('reads back as what JSON.stringify holds, one step record and one step history a line', () => {
    const state = poemState('/work/poem.mdx');
    const json = text(state);
    expect(read(json)).toEqual(plain(state));
    const lines = json.split('\n');
    expect(lines.filter((line) => line.startsWith('"1.0#1/1.0":{'))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('"1.0#1/1.0":['))).toHaveLength(1);
    expect(lines).toHaveLength(1 + 1 + 7 + 2 + 5 + 2);
  });

  it('a later save shows every change the run made: new values in a record, a new version, a dropped copy, a new step', () => {
    const state = poemState('/work/poem.mdx');
    text(savedState(state));
    const poem = state.steps['0.0']!;
    Object.assign(poem, { output: 'A new poem', edited: false, current: 2 });
    state.history['0.0'] = [...state.history['0.0']!, version({ id: 2, output: 'A new poem' })];
    state.history['1.0#0/1.0'] = [{ ...state.history['1.0#0/1.0']![0]!, dropped: true }];
    state.steps['1.0#1/1.0']!.stale = false;
    state.steps['1.3'] = { ...poem, key: '1.3', messages: [] };
    state.order.push('1.3');
    const saved = savedState(state);
    expect(read(text(saved))).toEqual(plain(saved));
    // and again, from the pieces kept last time
    expect(read(text(savedState(state)))).toEqual(plain(saved));
  });

  it('writes what a version shares with its record once, and a load puts it back', () => {
    const state = poemState('/work/poem.mdx');
    const draft = state.steps['1.0#0/1.0']!;
    const messages = [{ role: 'user' as const, content: 'Draft 1' }];
    const attempts = [{ output: 'zero', feedback: 'longer' }];
    Object.assign(draft, { messages, attempts, output: 'one, again', current: 2 });
    // an older version made from other values keeps its own; the current one shares the record's
    state.history['1.0#0/1.0'] = [
      version({ id: 1, output: 'one', prompt: 'Draft 1', messages: [{ role: 'user', content: 'Draft 1' }] }),
      version({ id: 2, why: 'feedback', feedback: 'longer', output: draft.output, prompt: draft.prompt, messages, attempts }),
    ];
    const json = text(savedState(state));
    const line = json.split('\n').find((l) => l.startsWith('"1.0#0/1.0":['))!;
    expect(line.match(/"asRecord"/g)).toHaveLength(2);
    expect(line).toContain('"asRecord":["messages","output","prompt","attempts"]');
    expect(line).toContain('"output":"one"');
    const loaded = read(json);
    expect(loaded).toEqual(plain(state));
    expect(loaded.history['1.0#0/1.0']![1]!.messages).toBe(loaded.steps['1.0#0/1.0']!.messages);
  });

  it('a history whose record is gone (rewound) keeps its values, and a saved line is not reused for it', () => {
    const state = poemState('/work/poem.mdx');
    expect(text(savedState(state))).toContain('"asRecord"');
    // the history is the same list as at the last save, but its record left the run
    delete state.steps['1.0#1/1.0'];
    state.order = state.order.filter((key) => key !== '1.0#1/1.0');
    const json = text(savedState(state));
    expect(json.split('\n').find((l) => l.startsWith('"1.0#1/1.0":['))).not.toContain('asRecord');
    expect(read(json)).toEqual(plain(state));
  });

  it('a session written and loaded again is the run that was saved', () => {
    const state = poemState('/work/poem.mdx');
    const dir = tempFolder();
    writeSession(state, dir);
    const loaded = loadSession(dir);
    expect('state' in loaded && loaded.state).toEqual(plain(savedState(state)));
  });

  it('loads a run.json written before versions left their shared values to the record, unchanged', () => {
    const state = poemState('/work/poem.mdx');
    const dir = tempFolder();
    writeFileSync(join(dir, 'run.json'), JSON.stringify(state, null, 2));
    const loaded = loadSession(dir);
    expect('state' in loaded && loaded.state).toEqual(plain(state));
  });
});
