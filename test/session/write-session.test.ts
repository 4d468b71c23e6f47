import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSession } from '../../src/session/write-session.js';
import { writeFileAtomic } from '../../src/session/write-file-atomic.js';
import { runDirectory } from '../../src/session/directory.js';
import { sessionMarkdown } from '../../src/session/session-markdown.js';
import { savedState } from '../../src/runtime/saved-state.js';
import { poemState, record, runState } from './states.js';
import { tempFolder } from './temp.js';
import { runStateFromJson } from '../../src/session/run-json.js';

describe('writing a session', () => {
  it('puts run.json and output.md in the session folder, making it, and leaves no temp files', () => {
    const base = tempFolder();
    const state = poemState(join(base, 'poem.mdx'));
    const dir = runDirectory(state.file, state.startedAt);
    expect(dir).toBe(join(base, '.stepwise', 'runs', 'poem', '2026-12-02T05-31-00-000Z'));
    const written = writeSession(state, dir);
    expect(written).toEqual({ runFile: join(dir, 'run.json'), outputFile: join(dir, 'output.md'), text: readFileSync(join(dir, 'run.json'), 'utf8'), written: true });
    expect(readdirSync(dir).sort()).toEqual(['output.md', 'run.json']);
    expect(runStateFromJson(JSON.parse(readFileSync(written.runFile, 'utf8')))).toEqual(JSON.parse(JSON.stringify(state)));
    expect(readFileSync(written.outputFile, 'utf8')).toBe(sessionMarkdown(state));
  });

  it('writes nothing when run.json already holds the same text', () => {
    const state = poemState(join(tempFolder(), 'poem.mdx'));
    const dir = runDirectory(state.file, state.startedAt);
    const first = writeSession(state, dir);
    rmSync(first.outputFile);
    expect(writeSession(state, dir, first.text)).toMatchObject({ written: false });
    expect(readdirSync(dir)).toEqual(['run.json']);
    state.title = 'changed';
    expect(writeSession(state, dir, first.text)).toMatchObject({ written: true });
    expect(readdirSync(dir).sort()).toEqual(['output.md', 'run.json']);
  });

  it('--out puts the workflow’s sessions under DIR', () => {
    expect(runDirectory('/work/flows/poem.mdx', Date.UTC(2026, 0, 2, 3, 4, 5, 6), '/tmp/runs')).toBe('/tmp/runs/poem/2026-01-02T03-04-05-006Z');
  });

  it('writes a running step as cancelled and the run as paused, as savedState does', () => {
    const dir = tempFolder();
    const state = runState('/work/poem.mdx', [record('0.0', { action: 'GenText', as: 'poem', phase: 0, status: 'running', partial: 'Soft', output: undefined })], { status: 'running' });
    writeSession(state, dir);
    const saved = runStateFromJson(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')));
    expect(saved).toEqual(JSON.parse(JSON.stringify(savedState(state))));
    expect(saved.status).toBe('paused');
    expect(saved.steps['0.0'].status).toBe('cancelled');
    expect(state.status).toBe('running');
    expect(readFileSync(join(dir, 'output.md'), 'utf8')).toContain('\n\nSoft\n\n*cancelled before it finished*\n');
  });

  it('replaces a file whole, and a failed write leaves the old file and no temp file', () => {
    const dir = tempFolder();
    const file = join(dir, 'run.json');
    writeFileAtomic(file, 'one');
    writeFileAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    writeFileSync(join(dir, 'blocker'), '');
    expect(() => writeFileAtomic(join(dir, 'blocker', 'run.json'), 'three')).toThrow(/ENOTDIR|EEXIST/);
    expect(readdirSync(dir).sort()).toEqual(['blocker', 'run.json']);
  });
});
