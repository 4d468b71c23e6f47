// The TUI measurements (run by bench/run.js), each in a real pseudo-terminal reading the
// screen a person would see: first frame, save to screen, streaming, CPU, memory.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { BIN, ROOT, benchEnv, startTerminal } from './lib/terminal.js';
import { timeCommand } from './lib/spawn-timed.js';
import { startModelServerProcess } from './lib/model-server.js';
import { cpuPercentBetween, cpuPercentDuring, peakRssMb, traceCpu } from './lib/proc.js';
import { summarize } from './lib/stats.js';
import { benchProviderConfig, workspace } from './lib/workspace.js';
import { generateRunWorkflow, generateWorkflow } from './generate.js';

/**
 * The header (top row) says `name`, then what follows it: the header puts the workflow's
 * title (` — Title`), a file note or `· resumed from …` between the file name and the
 * first `│`, so everything up to that bar belongs to the name.
 */
const headerSays = (name, ...fields) => (screen) => {
  const top = screen.split('\n', 1)[0];
  if (!top.startsWith(name)) return false;
  const cells = top.slice(name.length).split(' │ ');
  return !cells[0].includes('│') && fields.every((field, index) => cells[index + 1] === field);
};
/**
 * A complete screen: the header (file and compile status) on the top row and the
 * key-hint footer at the bottom (Ink keeps the last row for its cursor, so the footer
 * is on one of the last two rows).
 */
const complete = (name) => (screen) => {
  const rows = screen.split('\n');
  return headerSays(name, 'ok')(screen) && rows.slice(-2).some((row) => row.trim() !== '');
};
const isDone = (name) => headerSays(name, 'ok', 'done');
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Quits with `q` (and a `y` should it ask), then makes sure the process is gone. */
async function quit(terminal) {
  terminal.write('q');
  const gone = await Promise.race([terminal.exit.then(() => true), pause(1000).then(() => false)]);
  if (!gone) {
    terminal.write('y');
    const confirmed = await Promise.race([terminal.exit.then(() => true), pause(1000).then(() => false)]);
    if (!confirmed) terminal.kill('SIGKILL');
  }
  await terminal.exit;
}

async function withTerminal(args, options, body) {
  const terminal = startTerminal(args, options);
  try {
    return await body(terminal);
  } finally {
    await quit(terminal).catch(() => terminal.kill('SIGKILL'));
  }
}

export async function measureFirstFrame({ rounds }) {
  const dir = workspace({ 'poem.mdx': readFileSync(join(ROOT, 'examples', 'poem.mdx'), 'utf8') });
  // inputs given on the command line, so the first screen is the run view, not the form
  const args = [join(dir, 'poem.mdx'), '--model', 'echo', '--input', 'topic=snow', '--input', 'language=French'];
  await withTerminal(args, { cwd: dir }, (t) => t.waitFor(complete('poem.mdx'))); // warm-up
  const times = [];
  for (let r = 0; r < rounds; r++) {
    times.push(await withTerminal(args, { cwd: dir }, async (t) => (await t.waitFor(complete('poem.mdx'))) - t.startedAt));
  }
  return [{ name: 'first frame', what: 'first frame: spawn to complete screen (poem.mdx)', unit: 'ms', ...summarize(times), budget: { op: '<', value: 500 } }];
}

export const SAVES = 20;

export async function measureSave() {
  // a 50-phase workflow with a renamable action at the top of the first (expanded) phase
  const base = generateWorkflow(50).replace('\n---\n\n> phase 0:', '\n---\n\nMark {topic}.\n\n<GenText as="mark0" />\n\n> phase 0:');
  const dir = workspace({ 'save.mdx': base });
  const file = join(dir, 'save.mdx');
  return withTerminal([file, '--model', 'echo', '--input', 'topic=cats'], { cwd: dir }, async (t) => {
    await t.waitFor(complete('save.mdx'));
    // the watcher may start after the first frame: save until the first change shows
    let shown = false;
    for (let attempt = 0; attempt < 20 && !shown; attempt++) {
      writeFileSync(file, base.replace('as="mark0"', 'as="mark1"'));
      shown = await t.waitFor('mark1 GenText', 500).then(() => true, () => false);
    }
    if (!shown) throw new Error(`the TUI never showed a saved change; the screen:\n${t.screen()}`);
    const times = [];
    for (let i = 2; i < SAVES + 2; i++) {
      const started = performance.now();
      writeFileSync(file, base.replace('as="mark0"', `as="mark${i}"`));
      times.push((await t.waitFor(`mark${i} GenText`, 5000)) - started);
    }
    return [{ name: 'save to screen', what: `save to screen: file written to frame (${SAVES} saves)`, unit: 'ms', ...summarize(times), budget: { op: '<', value: 250 } }];
  });
}

const STREAM_WORKFLOW = '---\ntitle: Stream\n---\n\nWrite at length.\n\n<GenText as="long" model="bench:m" />\n';

export async function measureStreaming({ rounds }) {
  const server = await startModelServerProcess({ chunks: 50000, chunkText: 'lorem ipsum dolor s\n' });
  try {
    const dir = workspace({ 'stream.mdx': STREAM_WORKFLOW, 'stepwise.config.mjs': benchProviderConfig(server.baseURL) });
    const file = join(dir, 'stream.mdx');
    const headless = () => timeCommand(['run', file, '--headless', '--json', '--out', join(dir, 'runs')], { cwd: dir }).then((r) => r.ms);
    const tui = () =>
      withTerminal([file], { cwd: dir }, async (t) => {
        await t.waitFor(complete('stream.mdx'));
        t.write('c');
        return (await t.waitFor(isDone('stream.mdx'), 120000)) - t.startedAt;
      });
    await headless(); // warm-up
    const ratios = [];
    const tuiMs = [];
    const headlessMs = [];
    for (let r = 0; r < rounds; r++) {
      const h = await headless();
      const u = await tui();
      headlessMs.push(h);
      tuiMs.push(u);
      ratios.push(u / h);
    }
    return [
      {
        name: 'streaming',
        what: 'streaming 1 MB / 50,000 chunks: TUI ÷ headless',
        unit: '×',
        ...summarize(ratios),
        budget: { op: '<=', value: 1.3 },
        detail: { tuiMs: summarize(tuiMs).median, headlessMs: summarize(headlessMs).median },
      },
    ];
  } finally {
    await server.close();
  }
}

/** 100 chunks a second for 15 seconds: a long answer from a fast model */
const CPU_STREAM = { chunks: 1500, chunkText: 'lorem ipsum dolor s\n', delayMs: 10 };

export async function measureCpu({ rounds }) {
  const server = await startModelServerProcess(CPU_STREAM);
  try {
    const dir = workspace({ 'stream.mdx': STREAM_WORKFLOW, 'stepwise.config.mjs': benchProviderConfig(server.baseURL) });
    const file = join(dir, 'stream.mdx');
    const idle = [];
    const whole = [];
    const first = [];
    const warm = [];
    const headless = [];
    const ratios = [];
    for (let r = 0; r < rounds; r++) {
      await withTerminal([file], { cwd: dir }, async (t) => {
        await t.waitFor(complete('stream.mdx'));
        await pause(500);
        idle.push(await cpuPercentDuring(t.pid, () => pause(2000)));
        t.write('c');
        const started = await t.waitFor('│ running │');
        const done = t.waitFor(isDone('stream.mdx'), 60000);
        const samples = await traceCpu(t.pid, done);
        const ended = await done;
        whole.push(cpuPercentBetween(samples, started, ended));
        first.push(cpuPercentBetween(samples, started, started + 3000));
        warm.push(cpuPercentBetween(samples, ended - 5000, ended));
      });
      // the same stream, headless, moments later: the floor the TUI adds to
      headless.push(await headlessCpu(file, dir));
      ratios.push(whole[whole.length - 1] / headless[headless.length - 1]);
    }
    const what = 'CPU while streaming 100 chunks/s';
    return [
      { name: 'cpu streaming', what: `${what}, whole 15 s stream`, unit: '%', ...summarize(whole), budget: { op: '<=', value: 15 } },
      { name: 'cpu streaming first', what: `${what}, its first 3 s (JIT warm-up)`, unit: '%', ...summarize(first), budget: null },
      { name: 'cpu streaming warm', what: `${what}, its last 5 s (warmed up)`, unit: '%', ...summarize(warm), budget: null },
      { name: 'cpu streaming headless', what: 'CPU, same stream, headless (the floor)', unit: '%', ...summarize(headless), budget: null },
      { name: 'cpu streaming ratio', what: 'CPU while streaming: TUI ÷ headless', unit: '×', ...summarize(ratios), budget: null },
      { name: 'cpu idle', what: 'CPU idle (ready, nothing running)', unit: '%', ...summarize(idle), budget: null },
    ];
  } finally {
    await server.close();
  }
}

/** CPU of a headless run of the same stream, from its first output to its exit. */
async function headlessCpu(file, dir) {
  const child = spawn(process.execPath, [BIN, 'run', file, '--headless', '--out', join(dir, 'runs')], { cwd: dir, env: benchEnv(), stdio: ['ignore', 'pipe', 'ignore'] });
  child.stdout.resume();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    await new Promise((resolve) => child.stdout.once('data', resolve));
    const started = performance.now();
    const samples = await traceCpu(child.pid, exited);
    return cpuPercentBetween(samples, started, samples[samples.length - 1].at);
  } finally {
    child.kill('SIGKILL');
  }
}

/** The session autosaved under `root` (the newest run.json): its status and how many versions its histories hold. */
function savedSession(root) {
  const files = readdirSync(root, { recursive: true }).filter((f) => String(f).endsWith('run.json')).map((f) => join(root, String(f)));
  const newest = files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (!newest) throw new Error(`the TUI saved no session under ${root}`);
  const saved = JSON.parse(readFileSync(newest, 'utf8'));
  const versions = Object.values(saved.history ?? {}).reduce((sum, list) => sum + list.length, 0);
  return { status: saved.status, versions };
}

/**
 * Waits until the saved session is done and holds `wanted` versions. Autosave writes at
 * most every 250 ms (the last change always, once its interval is up). `c` pressed within
 * 250 ms of the save the file change made sets a timer, and the echo run (delay 0) never
 * yields to it: it fires after the run, once the screen says `done`, and the 6 MB write
 * takes tens of ms. Reading run.json at once sometimes found that earlier save (`paused`,
 * the first run's 1,000 versions).
 */
async function savedVersions(root, wanted, timeoutMs = 5000) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const saved = savedSession(root);
    if (saved.status === 'done' && saved.versions >= wanted) return saved.versions;
    if (performance.now() > deadline) {
      throw new Error(`${timeoutMs / 1000} s after the screen said done, the saved session (${saved.status}) has ${saved.versions} versions, not 2 for each of 1,000 steps`);
    }
    await pause(50);
  }
}

export async function measureMemory({ rounds }) {
  const dir = workspace({ 'long.mdx': generateRunWorkflow(500, { bytesPerStep: 1000 }) });
  const peaks = [];
  const seconds = [];
  const versions = [];
  for (let r = 0; r < rounds; r++) {
    writeFileSync(join(dir, 'long.mdx'), generateRunWorkflow(500, { bytesPerStep: 1000 }));
    await withTerminal([join(dir, 'long.mdx'), '--model', 'echo', '--fresh'], { cwd: dir }, async (t) => {
      await t.waitFor(complete('long.mdx'));
      const started = performance.now();
      t.write('c');
      await t.waitFor(isDone('long.mdx'), 300000);
      // every step again, so each has two versions in its history (and run.json both):
      // a new topic makes every step stale, and `c` regenerates them
      writeFileSync(join(dir, 'long.mdx'), generateRunWorkflow(500, { bytesPerStep: 1000 }).replace('topic: cats', 'topic: dogs'));
      await t.waitFor((screen) => headerSays('long.mdx', 'ok')(screen) && !isDone('long.mdx')(screen), 30000);
      t.write('c');
      await t.waitFor(isDone('long.mdx'), 300000);
      seconds.push((performance.now() - started) / 1000);
      versions.push(await savedVersions(join(dir, '.stepwise'), 2000));
      // the peak so far, the last save included
      peaks.push(peakRssMb(t.pid));
    });
  }
  return [
    {
      name: 'memory',
      what: 'memory: peak RSS, TUI, 1,000 steps run twice (2 versions each), 1 MB output, autosave on',
      unit: 'MB',
      ...summarize(peaks),
      budget: { op: '<', value: 300 },
      detail: { runSeconds: summarize(seconds).median, savedVersions: versions },
    },
  ];
}
