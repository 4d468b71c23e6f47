import { describe, expect, it } from 'vitest';
import { mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { latestSession, loadSession, sessionsOf } from '../../src/session/sessions.js';
import { runDirectory } from '../../src/session/directory.js';
import { writeSession } from '../../src/session/write-session.js';
import { poemState, STARTED } from './states.js';
import { tempFolder } from './temp.js';

const HOUR = 3600_000;

/** Saves the poem state started `hours` after STARTED, its run.json last written at `savedAt`. */
function save(file: string, hours: number, savedAt: number, out?: string, fields: Partial<ReturnType<typeof poemState>> = {}): string {
  const state = { ...poemState(file), startedAt: STARTED + hours * HOUR, ...fields };
  const dir = runDirectory(state.file, state.startedAt, out);
  writeSession(state, dir);
  utimesSync(join(dir, 'run.json'), savedAt / 1000, savedAt / 1000);
  return dir;
}

describe('the saved sessions of a workflow', () => {
  it('lists them most recently saved first, read from run.json, skipping folders without a readable run', () => {
    const base = tempFolder();
    const file = join(base, 'poem.mdx');
    const first = save(file, 0, STARTED + 5 * HOUR);
    const second = save(file, 1, STARTED + 2 * HOUR, undefined, { status: 'paused' });
    const folder = join(base, '.stepwise', 'runs', 'poem');
    mkdirSync(join(folder, 'empty'));
    mkdirSync(join(folder, 'broken'));
    writeFileSync(join(folder, 'broken', 'run.json'), '{"version": 1, "file": ');
    mkdirSync(join(folder, 'other'));
    writeFileSync(join(folder, 'other', 'run.json'), '{"hello": "world"}');
    writeFileSync(join(folder, 'notes.txt'), 'not a session');

    expect(sessionsOf(file)).toEqual([
      { dir: first, startedAt: STARTED, updatedAt: STARTED + 5 * HOUR, status: 'failed', stepsDone: 3, stepsTotal: 5, usage: { inputTokens: 10, outputTokens: 20 }, file },
      { dir: second, startedAt: STARTED + HOUR, updatedAt: STARTED + 2 * HOUR, status: 'paused', stepsDone: 3, stepsTotal: 5, usage: { inputTokens: 10, outputTokens: 20 }, file },
    ]);
  });

  it('is empty when nothing was saved, and looks under --out when given', () => {
    const base = tempFolder();
    const file = join(base, 'poem.mdx');
    expect(sessionsOf(file)).toEqual([]);
    const out = join(base, 'runs');
    const dir = save(file, 0, STARTED, out);
    expect(sessionsOf(file).map((s) => s.dir)).toEqual([]);
    expect(sessionsOf(file, out).map((s) => s.dir)).toEqual([dir]);
  });

  it('the latest is the newest session of this very file, not of another workflow with the same name', () => {
    const base = tempFolder();
    const out = join(base, 'runs');
    const file = join(base, 'a', 'poem.mdx');
    const mine = save(file, 0, STARTED + HOUR, out);
    save(join(base, 'b', 'poem.mdx'), 1, STARTED + 2 * HOUR, out);
    expect(sessionsOf(file, out)).toHaveLength(2);
    expect(latestSession(file, out)?.dir).toBe(mine);
    expect(latestSession(join(base, 'c', 'poem.mdx'), out)).toBeNull();
  });
});

describe('loading a session', () => {
  it('gives the saved state and when it was saved', () => {
    const base = tempFolder();
    const file = join(base, 'poem.mdx');
    const dir = save(file, 0, STARTED + HOUR);
    expect(loadSession(dir, file)).toEqual({ state: JSON.parse(JSON.stringify(poemState(file))), savedAt: STARTED + HOUR, savedIno: statSync(join(dir, 'run.json')).ino });
  });

  it('says which file is wrong and how: missing, not JSON, not a run (or edited into what a run cannot use), another workflow', () => {
    const base = tempFolder();
    const file = join(base, 'poem.mdx');
    expect(loadSession(join(base, 'nowhere'))).toEqual({
      error: `no saved run in ${join(base, 'nowhere')}: ${join(base, 'nowhere', 'run.json')} does not exist; \`stepwise runs FILE\` lists the saved sessions`,
    });
    mkdirSync(join(base, 'broken'));
    writeFileSync(join(base, 'broken', 'run.json'), '{"version": 1,');
    expect(loadSession(join(base, 'broken'))).toEqual({
      error: expect.stringMatching(new RegExp(`^${escape(join(base, 'broken', 'run.json'))} is not valid JSON \\(.+\\); it may have been cut short: pick another session \\(\`stepwise runs FILE\`\\) or start afresh$`)),
    });
    mkdirSync(join(base, 'other'));
    writeFileSync(join(base, 'other', 'run.json'), '[1, 2]');
    expect(loadSession(join(base, 'other'))).toEqual({
      error: `${join(base, 'other', 'run.json')} is not a stepwise run (no version 1 run state in it); pick a folder that \`stepwise runs FILE\` lists`,
    });
    // valid JSON, edited by hand into something a run cannot resume from
    const good = JSON.parse(JSON.stringify(poemState(file)));
    const edits: Array<[string, (state: any) => void, string]> = [
      ['a step record set to null', (state) => (state.steps['0.0'] = null), 'steps["0.0"] is not a step record'],
      ['usage removed', (state) => delete state.usage, '`usage` is not { inputTokens, outputTokens }'],
      ['a history that is not a list', (state) => (state.history = { '0.0': 'x' }), 'history["0.0"] is not a list of versions'],
      ['an unknown step status', (state) => (state.steps['0.0'].status = 'weird'), 'steps["0.0"] is not a step record'],
      ['a key in order that is not a string', (state) => state.order.push(7), '`order` is not a list of step keys'],
    ];
    for (const [name, edit, problem] of edits) {
      const state = structuredClone(good);
      edit(state);
      mkdirSync(join(base, 'edited'), { recursive: true });
      writeFileSync(join(base, 'edited', 'run.json'), JSON.stringify(state));
      expect(loadSession(join(base, 'edited')), name).toEqual({
        error: `${join(base, 'edited', 'run.json')} is not a stepwise run (${problem}); pick a folder that \`stepwise runs FILE\` lists`,
      });
    }
    const dir = save(join(base, 'elsewhere', 'poem.mdx'), 0, STARTED);
    expect(loadSession(dir, file)).toEqual({
      error: `${join(dir, 'run.json')} is a run of ${join(base, 'elsewhere', 'poem.mdx')}, not of ${file}; pick a session of this workflow (\`stepwise runs ${file}\`)`,
    });
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
