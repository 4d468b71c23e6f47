import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileFixture, outputs, startRun } from '../support/start-run.js';
import { saveRun } from '../../src/runtime/save.js';
import type { Run } from '../../src/runtime/run.js';
import type { RunState } from '../../src/runtime/types.js';

const runs: Run[] = [];
afterEach(() => runs.splice(0).forEach((run) => run.dispose()));

describe('saving and loading a run', () => {
  it('writes output.md and run.json, and a loaded run.json restores every result without calling a model', async () => {
    const { run } = await startRun('runtime/cond.mdx');
    runs.push(run);
    run.continue();
    await run.idle();
    const directory = mkdtempSync(join(tmpdir(), 'stepwise-save-'));
    const saved = saveRun(run.state, directory);
    expect(readdirSync(directory).sort()).toEqual(['output.md', 'run.json']);
    const markdown = readFileSync(saved.transcript, 'utf8');
    expect(markdown).toContain('title: cond\n');
    expect(markdown).toContain('models:\n  - echo\n  - echo:all\n');
    expect(markdown).toContain('\n\nDraft a title.\n\nDraft a title.\n\nCheck this title: Draft a title.\n\nCheck this title: Draft a title.\n\n');

    const state = JSON.parse(readFileSync(saved.runFile, 'utf8')) as RunState;
    let calls = 0;
    const { run: resumed } = await startRun('runtime/cond.mdx', {
      workflow: compileFixture('runtime/cond.mdx'),
      state,
      inputs: state.inputs,
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
