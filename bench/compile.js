// Compile speed: `npx tsc -p tsconfig.json && node bench/compile.js`.
// For each size, prints median/min/max ms of
//   - save: recompiling after one phase changed (what a user waits for on save; the
//     parser reuses the unchanged phases), and
//   - cold: compiling a text none of whose phases were seen before,
// and how much each doubling of the workflow costs (linear growth means ~2x).
import { compile } from '../dist/src/compiler/index.js';
import { generateWorkflow } from './generate.js';

const SIZES = [50, 100, 200, 400, 800];
const WARMUP = 10;
const RUNS = 25;

function stats(times) {
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1] };
}

function timed(text) {
  const start = performance.now();
  const result = compile(text, 'bench.mdx');
  const elapsed = performance.now() - start;
  const error = result.diagnostics.find((d) => d.severity === 'error');
  if (error) throw new Error(`the bench workflow does not compile: ${JSON.stringify(error)}`);
  return elapsed;
}

/** The workflow with one phase's prompt edited, as when the author saves a change. */
function edited(text, run) {
  const marker = `Write part ${(run * 7919) % 50} about`;
  return text.replace(marker, `${marker} (edit ${run})`);
}

/** The same workflow with every phase's text new to the cache. */
function fresh(text, run) {
  return text.replaceAll('building on', `building (${run}) on`);
}

function measure(size) {
  const text = generateWorkflow(size);
  for (let i = 0; i < WARMUP; i++) {
    timed(edited(text, i));
    timed(fresh(text, -i - 1));
  }
  const save = [];
  const cold = [];
  for (let i = 0; i < RUNS; i++) {
    timed(text);
    save.push(timed(edited(text, WARMUP + i)));
    cold.push(timed(fresh(text, WARMUP + i)));
  }
  return { bytes: text.length, save: stats(save), cold: stats(cold) };
}

const results = SIZES.map((size) => ({ size, ...measure(size) }));
for (const kind of ['save', 'cold']) {
  console.log(`\n${kind}: phases   bytes   median      min      max   ratio`);
  let previous = null;
  for (const result of results) {
    const { median, min, max } = result[kind];
    const ratio = previous === null ? '' : (median / previous).toFixed(2);
    console.log(
      `${' '.repeat(kind.length + 2)}${String(result.size).padStart(6)} ${String(result.bytes).padStart(7)} ${median.toFixed(2).padStart(8)} ${min.toFixed(2).padStart(8)} ${max.toFixed(2).padStart(8)}   ${ratio}`,
    );
    previous = median;
  }
}
