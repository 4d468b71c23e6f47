// Compile speed, in-process after warm-up (run by bench/run.js):
//   - cold: a text none of whose phases the parser's cache has seen (a new salt in every
//     phase), the figure the budget applies to;
//   - save: the same text again with one phase changed, as after the author saves.
// Each round's figure is the median of a few compiles; rows report rounds' median and spread.
import { compile } from '../dist/src/compiler/index.js';
import { generateWorkflow } from './generate.js';
import { summarize } from './lib/stats.js';

export const SIZES = [50, 100, 200, 400, 800];
const PER_ROUND = 5;
let salts = 0;

function timed(text) {
  const start = performance.now();
  const result = compile(text, 'bench.mdx');
  const elapsed = performance.now() - start;
  const error = result.diagnostics.find((d) => d.severity === 'error');
  if (error) throw new Error(`the bench workflow does not compile: ${JSON.stringify(error)}`);
  return elapsed;
}

function median(values) {
  return summarize(values).median;
}

/** One round at one size: median ms of PER_ROUND cold compiles and of PER_ROUND saves. */
function round(size) {
  const cold = [];
  const save = [];
  for (let i = 0; i < PER_ROUND; i++) {
    const text = generateWorkflow(size, { salt: `s${++salts}` });
    cold.push(timed(text));
    // one phase edited, the rest as just compiled
    save.push(timed(text.replace(`Write part ${(i * 7) % size} about`, `Write part ${(i * 7) % size} (edited) about`)));
  }
  return { cold: median(cold), save: median(save) };
}

export async function measureCompile({ rounds }) {
  for (const size of SIZES) for (let i = 0; i < 3; i++) round(size); // warm-up: JIT, caches
  const cold = new Map(SIZES.map((size) => [size, []]));
  const save = new Map(SIZES.map((size) => [size, []]));
  const ratios = new Map(SIZES.slice(1).map((size) => [size, []]));
  for (let r = 0; r < rounds; r++) {
    let previous = null;
    for (const size of SIZES) {
      const figures = round(size);
      cold.get(size).push(figures.cold);
      save.get(size).push(figures.save);
      // ratios within one round: both sizes measured moments apart, so load affects both
      if (previous !== null) ratios.get(size).push(figures.cold / previous);
      previous = figures.cold;
    }
  }
  const rows = [];
  for (const size of SIZES) {
    rows.push({
      name: `compile cold ${size}`,
      what: `compile, cold, ${size} phases`,
      unit: 'ms',
      ...summarize(cold.get(size)),
      budget: size === 200 ? { op: '<', value: 50 } : null,
    });
  }
  const worst = SIZES.slice(1).map((size) => ({ size, ...summarize(ratios.get(size)) }));
  const highest = worst.reduce((a, b) => (b.median > a.median ? b : a));
  rows.push({
    name: 'compile doubling',
    what: `compile, cold, worst doubling (${highest.size / 2}→${highest.size})`,
    unit: '×',
    median: highest.median,
    min: highest.min,
    max: highest.max,
    budget: { op: '<=', value: 2.3 },
    detail: Object.fromEntries(worst.map((w) => [`${w.size / 2}->${w.size}`, Number(w.median.toFixed(2))])),
  });
  rows.push({ name: 'compile save 200', what: 'compile, save (one phase changed), 200 phases', unit: 'ms', ...summarize(save.get(200)), budget: null });
  rows.push({ name: 'compile save 800', what: 'compile, save (one phase changed), 800 phases', unit: 'ms', ...summarize(save.get(800)), budget: null });
  return rows;
}
