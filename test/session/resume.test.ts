import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileFixture, outputs, startRun } from '../support/start-run.js';
import { writeSession } from '../../src/session/write-session.js';
import { loadSession } from '../../src/session/load-session.js';
import type { Run } from '../../src/runtime/run.js';
import { tempFolder } from './temp.js';

const runs: Run[] = [];
afterEach(() => runs.splice(0).forEach((run) => run.dispose()));

describe('saving a run and resuming it', () => {
  it('writes output.md and run.json, and the loaded session restores every result without calling a model', async () => {
    const { run } = await startRun('runtime/cond.mdx');
    runs.push(run);
    run.continue();
    await run.idle();
    const directory = tempFolder();
    const saved = writeSession(run.state, directory);
    expect(readdirSync(directory).sort()).toEqual(['output.md', 'run.json']);
    const markdown = readFileSync(saved.outputFile, 'utf8');
    expect(markdown).toContain('title: cond\n');
    expect(markdown).toContain('models:\n  - echo\n  - echo:all\n');
    expect(markdown).toContain(
      '### title · GenText · echo\n\n> Draft a title.\n\nDraft a title.\n\n### check · Cond\n\n#### check · body\n\n##### verdict · GenText · echo\n\n> Check this title: Draft a title.\n\nCheck this title: Draft a title.\n\n### skipped · Cond\n\n*skipped: `if` was false*\n\n',
    );

    const loaded = loadSession(directory, run.state.file);
    if ('error' in loaded) throw new Error(loaded.error);
    let calls = 0;
    const { run: resumed } = await startRun('runtime/cond.mdx', {
      workflow: compileFixture('runtime/cond.mdx'),
      state: loaded.state,
      inputs: loaded.state.inputs,
      generate: async () => {
        calls += 1;
        return { output: 'new', usage: { inputTokens: 0, outputTokens: 0 } };
      },
    });
    runs.push(resumed);
    expect(calls).toBe(0);
    expect(resumed.state.status).toBe('done');
    expect(outputs(resumed)).toEqual(outputs(run));
    expect(resumed.state.steps['0.0']).toEqual(run.state.steps['0.0']);
  });
});
