import { describe, expect, it } from 'vitest';
import { runJson } from '../../src/session/run-json.js';
import { savedState } from '../../src/runtime/saved-state.js';
import type { RunState } from '../../src/runtime/types.js';
import { poemState, version } from './states.js';

const text = (state: RunState) => Buffer.concat(runJson(state)).toString('utf8');
const plain = (state: RunState) => JSON.parse(JSON.stringify(state));

describe('run.json', () => {
  it('holds what JSON.stringify does, one step record and one step history a line', () => {
    const state = poemState('/work/poem.mdx');
    const json = text(state);
    expect(JSON.parse(json)).toEqual(plain(state));
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
    expect(JSON.parse(text(saved))).toEqual(plain(saved));
    // and again, from the pieces kept last time
    expect(JSON.parse(text(savedState(state)))).toEqual(plain(saved));
  });
});
