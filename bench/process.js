// Whole-process measurements (run by bench/run.js): `stepwise check` on the 200-phase
// workflow, and the engine's overhead per step in a headless run with the echo model.
import { join } from 'node:path';
import { generateRunWorkflow, generateWorkflow } from './generate.js';
import { timeCommand } from './lib/spawn-timed.js';
import { summarize } from './lib/stats.js';
import { workspace } from './lib/workspace.js';

export async function measureCheck({ rounds }) {
  const dir = workspace({ 'check200.mdx': generateWorkflow(200) });
  const file = join(dir, 'check200.mdx');
  await timeCommand(['check', file]); // warm the file system cache
  const times = [];
  for (let r = 0; r < rounds; r++) times.push((await timeCommand(['check', file])).ms);
  return [{ name: 'check', what: 'check: whole process, 200 phases', unit: 'ms', ...summarize(times), budget: { op: '<', value: 400 } }];
}

export const ENGINE_STEPS = 400;

export async function measureEngine({ rounds }) {
  const dir = workspace({ 'run400.mdx': generateRunWorkflow(ENGINE_STEPS / 2) });
  const args = ['run', join(dir, 'run400.mdx'), '--headless', '--json', '--model', 'echo', '--out', join(dir, 'runs')];
  const env = { STEPWISE_ECHO_DELAY_MS: '0' };
  await timeCommand(args, { env }); // warm-up
  const perStep = [];
  const runs = [];
  const versions = [];
  for (let r = 0; r < rounds; r++) {
    // the baseline in the same round, so both see the same machine load
    const version = (await timeCommand(['--version'])).ms;
    const run = (await timeCommand(args, { env })).ms;
    versions.push(version);
    runs.push(run);
    perStep.push((run - version) / ENGINE_STEPS);
  }
  return [
    {
      name: 'engine',
      what: `engine overhead: headless echo run, ${ENGINE_STEPS} steps, per step`,
      unit: 'ms',
      ...summarize(perStep),
      budget: { op: '<', value: 2 },
      detail: { runMs: summarize(runs).median, versionMs: summarize(versions).median },
    },
  ];
}
