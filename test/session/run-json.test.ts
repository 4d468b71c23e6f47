import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runJson, runStateFromJson } from '../../src/session/run-json.js';
import { loadSession } from '../../src/session/load-session.js';
import { writeSession } from '../../src/session/write-session.js';
import { savedState } from '../../src/runtime/saved-state.js';
import type { RunState } from '../../src/runtime/types.js';
import { buildMessages, type ConversationTurn } from '../../src/runtime/context.js';
import { poemState, record, runState, version } from './states.js';
import { tempFolder } from './temp.js';

const text = (state: RunState) => runJson(state);
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

  it('writes each prompt and output of a conversation once, and a load gives back every message', () => {
    const state = conversationState();
    const json = text(savedState(state));
    const long = state.steps['0.0']!.prompt;
    expect(json.split(long)).toHaveLength(2);
    expect(json.split(state.steps['0.0']!.output as string)).toHaveLength(2);
    expect(json.split(state.steps['0.2']!.prompt)).toHaveLength(2);
    expect(read(json)).toEqual(plain(state));
    const dir = tempFolder();
    writeSession(state, dir);
    const loaded = loadSession(dir);
    expect('state' in loaded && loaded.state).toEqual(plain(savedState(state)));
  });

  it('a later save after an earlier step ran again still loads the messages each step was sent', () => {
    const state = conversationState();
    text(savedState(state));
    // 0.1 runs again with a new prompt; 0.2 keeps the messages it was sent, which name 0.1's old output
    const rerun = state.steps['0.1']!;
    const messages = buildMessages({ role: 'Be brief.', earlier: [turn(state, '0.0')], prompt: 'Shorter, please.', parts: null });
    state.steps['0.1'] = { ...rerun, prompt: 'Shorter, please.', messages, output: 'Short.', current: 2 };
    state.history['0.1'] = [...state.history['0.1']!, version({ id: 2, output: 'Short.', prompt: 'Shorter, please.', messages })];
    const saved = savedState(state);
    expect(read(text(saved))).toEqual(plain(saved));
    expect(read(text(savedState(state)))).toEqual(plain(saved));
    // the record before 0.2 leaves the run
    delete state.steps['0.1'];
    delete state.history['0.1'];
    state.order = state.order.filter((key) => key !== '0.1');
    const rewound = savedState(state);
    expect(read(text(rewound))).toEqual(plain(rewound));
  });

  it('loads a run.json that holds every message in full, as files written before did', () => {
    const state = conversationState();
    const dir = tempFolder();
    writeFileSync(join(dir, 'run.json'), JSON.stringify(state));
    const loaded = loadSession(dir);
    expect('state' in loaded && loaded.state).toEqual(plain(state));
  });

  it('loads a run.json written before versions left their shared values to the record, unchanged', () => {
    const state = poemState('/work/poem.mdx');
    const dir = tempFolder();
    writeFileSync(join(dir, 'run.json'), JSON.stringify(state, null, 2));
    const loaded = loadSession(dir);
    expect('state' in loaded && loaded.state).toEqual(plain(state));
  });
});

const LONG = 'word '.repeat(300);

function turn(state: RunState, key: string): ConversationTurn {
  const { prompt, output } = state.steps[key]!;
  return { prompt, parts: null, result: output };
}

/**
 * Messages as the engine builds them: a phase with a system role, an edited step, a step
 * regenerated with feedback and an object result; a loop whose iterations are conversations
 * of their own; a step sent an image.
 */
function conversationState(): RunState {
  const records = [
    record('0.0', { action: 'GenText', phase: 0, model: 'echo', prompt: `Write about cats. ${LONG}`, output: `Cats sleep. ${LONG}` }),
    record('0.1', { action: 'GenObject', phase: 0, model: 'echo', prompt: `List them. ${LONG}`, output: { cats: ['Tom', 'Kit'] } }),
    record('0.2', { action: 'GenText', phase: 0, model: 'echo', prompt: `Name one. ${LONG}`, output: 'Tom, edited', edited: true }),
    record('0.3', { action: 'GenText', phase: 0, model: 'echo', prompt: 'Why?', output: 'Because, longer', attempts: [{ output: 'Because', feedback: 'longer' }] }),
    record('1.0', { action: 'Loop', phase: 1, output: ['a', 'b'] }),
    record('1.0#0/1.0', { action: 'GenText', phase: 1, model: 'echo', prompt: 'Draft', output: 'a' }),
    record('1.0#0/1.1', { action: 'GenText', phase: 1, model: 'echo', prompt: 'Again', output: 'Draft' }),
    record('1.0#1/1.0', { action: 'GenText', phase: 1, model: 'echo', prompt: 'Draft', output: 'b' }),
    record('1.0#1/1.1', { action: 'GenText', phase: 1, model: 'echo', prompt: 'Again', output: 'b' }),
    record('2.0', { action: 'GenText', phase: 2, model: 'echo', prompt: 'What is this?', output: 'A cat.' }),
    record('2.1', { action: 'GenText', phase: 2, model: 'echo', prompt: '', output: '' }),
  ];
  const state = runState('/work/cats.mdx', records);
  const steps = state.steps;
  const earlier = (...keys: string[]) => keys.map((key) => turn(state, key));
  const set = (key: string, options: Omit<Parameters<typeof buildMessages>[0], 'earlier'> & { earlier?: ConversationTurn[] }) => {
    steps[key]!.messages = buildMessages({ earlier: [], ...options });
  };
  const role = 'Be brief.';
  set('0.0', { role, prompt: steps['0.0']!.prompt, parts: null });
  set('0.1', { role, earlier: earlier('0.0'), prompt: steps['0.1']!.prompt, parts: null });
  // sent before the author edited its output
  set('0.2', { role, earlier: earlier('0.0', '0.1'), prompt: steps['0.2']!.prompt, parts: null });
  const edited = earlier('0.0', '0.1', '0.2');
  edited[2]!.result = 'Tom';
  set('0.3', { role, earlier: edited, prompt: 'Why?', parts: null, feedback: [{ rejected: 'Because', instruction: 'longer' }] });
  set('1.0#0/1.0', { role: null, prompt: 'Draft', parts: null });
  set('1.0#0/1.1', { role: null, earlier: earlier('1.0#0/1.0'), prompt: 'Again', parts: null });
  set('1.0#1/1.0', { role: null, prompt: 'Draft', parts: null });
  set('1.0#1/1.1', { role: null, earlier: earlier('1.0#1/1.0'), prompt: 'Again', parts: null });
  const parts = [{ type: 'text' as const, text: 'What is this?' }, { type: 'image' as const, image: 'iVBORw0KGgo=', mediaType: 'image/png' }];
  set('2.0', { role: null, prompt: 'What is this?', parts });
  set('2.1', { role: null, earlier: [{ prompt: 'What is this?', parts, result: 'A cat.' }], prompt: '', parts: null });
  for (const [key, list] of Object.entries(state.history)) {
    const { messages, attempts, edited: wasEdited } = steps[key]!;
    list[0] = { ...list[0]!, messages, attempts, edited: wasEdited };
  }
  // 0.2 was generated, then edited: its first version keeps the model's output
  state.history['0.2'] = [version({ output: 'Tom', prompt: steps['0.2']!.prompt, messages: steps['0.2']!.messages }), { ...state.history['0.2']![0]!, id: 2, why: 'edited', from: 1 }];
  steps['0.2']!.current = 2;
  return state;
}
