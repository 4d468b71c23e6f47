// `npm run bench`: measures where an author feels stepwise's speed and prints one table
// (median, spread over rounds, budget, pass/fail), then writes bench/results.json.
//   node bench/run.js [names...] [--rounds N]
// Names: compile check pathological engine expressions session first-frame save streaming cpu memory.
// Benchmarks run the built code: `npm run build` first.
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { formatTable, passes } from './lib/table.js';
import { removeWorkspaces } from './lib/workspace.js';

const MEASUREMENTS = [
  { name: 'compile', load: () => import('./compile.js').then((m) => m.measureCompile) },
  { name: 'check', load: () => import('./process.js').then((m) => m.measureCheck) },
  { name: 'pathological', load: () => import('./pathological.js').then((m) => m.measurePathological) },
  {
    name: 'engine',
    load: async () => {
      const [{ measureEngine }, { measureEngineSaving }] = await Promise.all([import('./process.js'), import('./session.js')]);
      return async (options) => [...(await measureEngine(options)), ...(await measureEngineSaving(options))];
    },
  },
  { name: 'expressions', load: () => import('./sandbox.js').then((m) => m.measureExpressions) },
  { name: 'session', load: () => import('./session.js').then((m) => m.measureSession) },
  { name: 'first-frame', load: () => import('./tui.js').then((m) => m.measureFirstFrame) },
  // one session of 20 saves is the figure; rounds do not repeat it
  { name: 'save', maxRounds: 1, load: () => import('./tui.js').then((m) => m.measureSave) },
  { name: 'streaming', maxRounds: 5, load: () => import('./tui.js').then((m) => m.measureStreaming) },
  { name: 'cpu', maxRounds: 3, load: () => import('./tui.js').then((m) => m.measureCpu) },
  { name: 'memory', maxRounds: 1, load: () => import('./tui.js').then((m) => m.measureMemory) },
];

function parseArgs(argv) {
  let rounds = 5;
  const names = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--rounds') {
      rounds = Number(argv[++i]);
      if (!Number.isInteger(rounds) || rounds < 1) usage(`--rounds needs a whole number of at least 1, got ${argv[i]}`);
    } else if (arg.startsWith('--rounds=')) {
      rounds = Number(arg.slice('--rounds='.length));
      if (!Number.isInteger(rounds) || rounds < 1) usage(`--rounds needs a whole number of at least 1, got ${arg}`);
    } else if (arg === '--help' || arg === '-h') {
      usage(null);
    } else if (MEASUREMENTS.some((m) => m.name === arg)) {
      names.push(arg);
    } else {
      usage(`unknown measurement \`${arg}\``);
    }
  }
  return { rounds, names: names.length ? names : MEASUREMENTS.map((m) => m.name) };
}

function usage(problem) {
  const text = `usage: node bench/run.js [names...] [--rounds N]\nnames: ${MEASUREMENTS.map((m) => m.name).join(' ')}\n`;
  if (problem) {
    process.stderr.write(`${problem}\n${text}`);
    process.exit(2);
  }
  process.stdout.write(text);
  process.exit(0);
}

const { rounds, names } = parseArgs(process.argv.slice(2));
const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(new URL('../dist/src/cli/main.js', import.meta.url))) {
  process.stderr.write(`stepwise is not built: run \`npm run build\` in ${root} first\n`);
  process.exit(2);
}

const rows = [];
const failures = [];
const started = new Date();
for (const measurement of MEASUREMENTS.filter((m) => names.includes(m.name))) {
  const count = Math.min(rounds, measurement.maxRounds ?? rounds);
  process.stderr.write(`${measurement.name} (${count} round${count === 1 ? '' : 's'})...\n`);
  try {
    const measure = await measurement.load();
    for (const row of await measure({ rounds: count })) rows.push({ ...row, rounds: count, pass: passes(row) });
  } catch (error) {
    failures.push({ name: measurement.name, error: error instanceof Error ? error.message : String(error) });
    rows.push({ name: measurement.name, what: `${measurement.name}: could not measure (see below)`, unit: '', median: NaN, min: NaN, max: NaN, budget: null, pass: false });
  } finally {
    removeWorkspaces();
  }
}

process.stdout.write(formatTable(rows) + '\n');
for (const failure of failures) process.stdout.write(`\n${failure.name} failed: ${failure.error}\n`);
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, loadavg: loadavg().map((l) => Number(l.toFixed(2))) };
writeFileSync(
  new URL('./results.json', import.meta.url),
  JSON.stringify({ date: started.toISOString(), machine, rounds, rows: rows.map(({ values, ...row }) => ({ ...row, values })), failures }, null, 2) + '\n',
);
process.stdout.write(`\nwritten bench/results.json (${machine.cpus} cores, node ${machine.node}, load ${machine.loadavg.join(' ')})\n`);
process.exitCode = rows.every((row) => row.pass !== false) ? 0 : 1;
