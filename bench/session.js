// The cost of one save of a long session (run by bench/run.js): a real run of 1,000 echo
// steps of ~1 KB each (1 MB of output, histories and messages as the engine keeps them),
// then writeSession (what autosave's flush does: savedState, run.json and output.md, each
// written atomically) into a temp folder. A round's figure is the median of SAVES saves.
//   - autosave: the save after one more step ended (its record and history changed), as
//     autosave writes during a run: what is unchanged is not serialised again;
//   - first save: the same state as a fresh copy (structuredClone, outside the clock), so
//     nothing is cached: a one-shot save, or the first autosave after a resume.
// And the engine with autosave attached (measureEngineSaving, run by `engine`): the same
// 400 steps as the whole-process engine row, in-process, with and without autosave
// writing into a temp folder, so the cost of saving shows on its own.
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { compile } from '../dist/src/compiler/index.js';
import { createRun } from '../dist/src/runtime/create-run.js';
import { writeSession } from '../dist/src/session/write-session.js';
import { autosave } from '../dist/src/session/autosave.js';
import { generateRunWorkflow } from './generate.js';
import { summarize } from './lib/stats.js';
import { workspace } from './lib/workspace.js';

const PHASES = 500;
const SAVES = 7;
// a full collection before a first save, so that it does not pay for the copy made for it
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc');
const ENGINE_STEPS = 400;

async function longSession(dir) {
  const file = join(dir, 'long.mdx');
  const result = compile(generateRunWorkflow(PHASES, { bytesPerStep: 1000 }), file);
  const error = result.diagnostics.find((d) => d.severity === 'error');
  if (error) throw new Error(`the bench workflow does not compile: ${JSON.stringify(error)}`);
  const run = await createRun({ workflow: result.workflow, inputs: {}, env: { STEPWISE_ECHO_DELAY_MS: '0' } });
  run.start();
  run.continue();
  await run.idle();
  if (run.state.status !== 'done') throw new Error(`the bench run ended ${run.state.status}: ${run.state.error?.message ?? ''}`);
  const steps = run.state.order.length;
  const bytes = run.state.order.reduce((sum, key) => sum + String(run.state.steps[key].output ?? '').length, 0);
  if (steps !== PHASES * 2 || bytes < 900_000) throw new Error(`the bench session has ${steps} steps and ${bytes} bytes of output, not 1,000 and ~1 MB`);
  return run;
}

function saveMs(state, dir) {
  const start = performance.now();
  writeSession(state, dir);
  return performance.now() - start;
}

/** What a step ending does to the state: its record gets new values and its history a version. */
function stepEnded(state, n) {
  const key = state.order[n % state.order.length];
  const record = state.steps[key];
  const versions = state.history[key];
  const version = { ...versions[versions.length - 1], id: versions.length + 1, at: Date.now() };
  state.history[key] = [...versions, version];
  state.steps[key] = { ...record, current: version.id, endedAt: Date.now() };
}

const median = (values) => summarize(values).median;

export async function measureSession({ rounds }) {
  const dir = workspace();
  const run = await longSession(dir);
  try {
    const session = join(dir, 'session');
    const state = run.state;
    saveMs(state, session); // warm up: the first save makes the folder and lets V8 optimise
    let ended = 0;
    const autosaves = Array.from({ length: rounds }, () =>
      median(Array.from({ length: SAVES }, () => {
        stepEnded(state, ended++);
        return saveMs(state, session);
      })),
    );
    const firsts = Array.from({ length: rounds }, () =>
      median(Array.from({ length: SAVES }, () => {
        const copy = structuredClone(state);
        collectGarbage();
        return saveMs(copy, session);
      })),
    );
    return [
      { name: 'session', what: 'session save: 1,000 steps, 1 MB output, after a step ended', unit: 'ms', ...summarize(autosaves), budget: { op: '<', value: 50 } },
      { name: 'session', what: 'session save: the same, first save (nothing cached)', unit: 'ms', ...summarize(firsts), budget: { op: '<', value: 50 } },
    ];
  } finally {
    run.dispose();
  }
}

async function engineRun(workflow, dir) {
  const run = await createRun({ workflow, inputs: {}, env: { STEPWISE_ECHO_DELAY_MS: '0' } });
  const saver = dir ? autosave(run, dir) : null;
  const start = performance.now();
  run.start();
  run.continue();
  await run.idle();
  saver?.flush();
  const ms = performance.now() - start;
  saver?.stop();
  if (saver?.error()) throw new Error(saver.error());
  if (run.state.status !== 'done' || run.state.order.length !== ENGINE_STEPS) throw new Error(`the bench run ended ${run.state.status} after ${run.state.order.length} steps`);
  run.dispose();
  return ms / ENGINE_STEPS;
}

export async function measureEngineSaving({ rounds }) {
  const dir = workspace();
  const result = compile(generateRunWorkflow(ENGINE_STEPS / 2), join(dir, 'run400.mdx'));
  await engineRun(result.workflow, join(dir, 'warm-up')); // warm-up
  const off = [];
  const on = [];
  for (let r = 0; r < rounds; r++) {
    // both in the same round, so both see the same machine load
    off.push(await engineRun(result.workflow, null));
    on.push(await engineRun(result.workflow, join(dir, `session-${r}`)));
  }
  return [
    { name: 'engine', what: `engine overhead: in-process echo run, ${ENGINE_STEPS} steps, per step, no saving`, unit: 'ms', ...summarize(off), budget: null },
    { name: 'engine', what: `engine overhead: the same with autosave on (temp folder), per step`, unit: 'ms', ...summarize(on), budget: { op: '<', value: 2 } },
  ];
}
