// Saving a fragment the open workflow includes recompiles it, in the real binary in a real
// pty: the step that includes it goes stale (the other keeps its result), and a problem in
// the fragment shows in the banner under the fragment's own file name.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTerminal, type Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';
import { workspace } from './workspace.js';

let terminal: Terminal | undefined;
beforeAll(() => assertBuilt());
afterEach(() => terminal?.kill('SIGKILL'));

const FLOW = `---
title: Fragments
model: echo
input:
  name: { default: Bo }
---

Say hello to {name}.

<GenText as="hello" />

---

{include('bye')}

<GenText as="bye" />
`;

async function startDone(): Promise<{ t: Terminal; fragment: string }> {
  const space = workspace();
  mkdirSync(join(space.dir, 'prompts'));
  const fragment = join(space.dir, 'prompts', 'bye.mdx');
  writeFileSync(fragment, '> a note for the author\n\nNow say goodbye to {name}.\n');
  const file = space.write('flow.mdx', FLOW);
  const t = await startTerminal([file, '--model', 'echo', '--input', 'name=Bo'], { rows: 30 });
  await t.waitFor('Phase 2');
  t.write('c');
  await t.waitFor('│ done │');
  return { t, fragment };
}

describe('watching the fragments a workflow includes', () => {
  it('a saved fragment recompiles the workflow: its step goes stale with the new prompt, the other keeps its result', async () => {
    const { t, fragment } = await startDone();
    terminal = t;
    expect(t.screen()).toMatch(/✓ bye GenText +Now say goodbye to Bo\./);
    writeFileSync(fragment, '> a note for the author\n\nNow wave goodbye to {name}.\n');
    await t.waitFor('bye GenText (stale)');
    const screen = t.screen();
    expect(screen).toMatch(/✓ Phase 1 +1\/1 action/);
    expect(screen).toMatch(/~ Phase 2 +1\/1 action/);
    expect(screen).not.toContain('hello GenText (stale)');
    expect(screen).toMatch(/bye GenText \(stale\) +\d+\+\d+ tokens \d+\.\ds\n +Now wave goodbye to Bo\.\n +Now say goodbye to Bo\./);
    t.write('n');
    await t.waitFor(/✓ Phase 2 +1\/1 action/);
    expect(t.screen()).toMatch(/✓ bye GenText +Now wave goodbye to Bo\./);
  });

  it('a fragment saved while the last step runs: when the step ends it shows stale with the new prompt, not done', async () => {
    const space = workspace();
    mkdirSync(join(space.dir, 'prompts'));
    const fragment = join(space.dir, 'prompts', 'bye.mdx');
    writeFileSync(fragment, 'Now say goodbye to {name}.\n');
    const file = space.write('flow.mdx', `---\nmodel: echo\ninput:\n  name: { default: Bo }\n---\n\n{include('bye')}\n\n<GenText as="bye" />\n`);
    // slow chunks: the save lands while the one step streams
    const t = await startTerminal([file, '--input', 'name=Bo'], { rows: 20, env: { STEPWISE_ECHO_DELAY_MS: '700' } });
    terminal = t;
    await t.waitFor('bye GenText');
    t.write('n');
    await t.waitFor('│ running │');
    writeFileSync(fragment, 'Now wave goodbye to {name}.\n');
    await t.waitFor('bye GenText (stale)', 15_000);
    const screen = t.screen();
    expect(screen.split('\n')[0]).toMatch(/│ paused │/);
    expect(screen).toMatch(/bye GenText \(stale\) +\d+\+\d+ tokens \d+\.\ds\n +Now wave goodbye to Bo\.\n +Now say goodbye to Bo\./);
  });

  it('a problem saved into a fragment shows in the banner under its file; fixing the fragment clears it', async () => {
    const { t, fragment } = await startDone();
    terminal = t;
    writeFileSync(fragment, 'Now say goodbye to {nme}.\n');
    await t.waitFor('unknown name `nme`');
    const screen = t.screen();
    expect(screen.split('\n')[0]).toMatch(/^flow\.mdx — Fragments │ 1 error │/);
    expect(screen).toContain('prompts/bye.mdx line 1, column 21: unknown name `nme`; did you mean `name`?');
    // the last good version and its results stay on screen
    expect(screen).toMatch(/✓ Phase 2 +1\/1 action/);
    writeFileSync(fragment, 'Now say goodbye to {name}.\n');
    await t.waitFor((s) => !s.includes('nme') && /^flow\.mdx — Fragments │ ok │/.test(s));
    expect(t.screen()).toMatch(/✓ Phase 2 +1\/1 action/);
  });

  it('a fragment deleted and written back is followed again: the problem clears, and later saves count', async () => {
    const { t, fragment } = await startDone();
    terminal = t;
    rmSync(fragment);
    await t.waitFor("no fragment `prompts/bye.mdx` for include('bye')");
    writeFileSync(fragment, 'Now wave goodbye to {name}.\n');
    await t.waitFor((s) => !s.includes('no fragment') && /^flow\.mdx — Fragments │ ok │/.test(s));
    expect(t.screen()).toMatch(/bye GenText \(stale\)[^\n]*\n +Now wave goodbye to Bo\./);
    writeFileSync(fragment, 'Now blow a kiss to {name}.\n');
    await t.waitFor(/bye GenText \(stale\)[^\n]*\n +Now blow a kiss to Bo\./);
  });

  it('a workflow opened on a missing fragment waits, and opens once the fragment is created', async () => {
    const space = workspace();
    const file = space.write('flow.mdx', FLOW);
    const t = await startTerminal([file, '--model', 'echo', '--input', 'name=Bo'], { rows: 30 });
    terminal = t;
    await t.waitFor('flow.mdx │ 1 error │ waiting for a save that compiles');
    expect(t.screen()).toContain("line 14, column 2: no fragment `prompts/bye.mdx` for include('bye'): create it in the prompts\n");
    // no prompts folder yet either
    mkdirSync(join(space.dir, 'prompts'));
    writeFileSync(join(space.dir, 'prompts', 'bye.mdx'), 'Now say goodbye to {name}.\n');
    await t.waitFor((s) => /^flow\.mdx — Fragments │ ok │/.test(s) && s.includes('Phase 2'));
    t.write('c');
    await t.waitFor(/✓ bye GenText +Now say goodbye to Bo\./);
  });
});
