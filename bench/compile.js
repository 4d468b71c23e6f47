// Compile speed, in-process after warm-up (run by bench/run.js):
//   - cold: a text none of whose phases the parser's cache has seen (a new salt in every
//     phase), the figure the budget applies to;
//   - save: the same text again with one phase changed, as after the author saves.
// A round's figure is the mean of a batch of compiles (texts made before the clock
// starts), so garbage collection is paid by every size in proportion, not only by the
// sizes whose single compiles happen to span a collection.
import { compile } from '../dist/src/compiler/index.js';
import { generateWorkflow } from './generate.js';
import { summarize } from './lib/stats.js';

export const SIZES = [50, 100, 200, 400, 800];
let salts = 0;
/** compiles per round: about 40,000 phases' worth, at least 5 */
const perRound = (size) => Math.max(5, Math.ceil(40000 / size));

function compileOk(text) {
  const result = compile(text, 'bench.mdx');
  const error = result.diagnostics.find((d) => d.severity === 'error');
  if (error) throw new Error(`the bench workflow does not compile: ${JSON.stringify(error)}`);
}

/** One round at one size: mean ms of its cold compiles and of its saves. */
function round(size) {
  const count = perRound(size);
  const texts = [];
  for (let i = 0; i < count; i++) {
    const text = generateWorkflow(size, { salt: `s${++salts}` });
    const phase = (i * 7) % size;
    texts.push([text, text.replace(`Write part ${phase} about`, `Write part ${phase} (edited) about`)]);
  }
  let cold = 0;
  let save = 0;
  for (const [text, edited] of texts) {
    const start = performance.now();
    compileOk(text);
    const middle = performance.now();
    compileOk(edited);
    cold += middle - start;
    save += performance.now() - middle;
  }
  return { cold: cold / count, save: save / count };
}

export async function measureCompile({ rounds }) {
  for (const size of SIZES) round(size); // warm-up: JIT, caches
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
  // the same size where every phase uses markdown the fast path leaves to remark-mdx
  const slow = [];
  for (let r = 0; r < rounds; r++) {
    const texts = Array.from({ length: 3 }, () => generateWorkflow(200, { salt: `*s${++salts}*` }));
    const start = performance.now();
    for (const text of texts) compileOk(text);
    slow.push((performance.now() - start) / texts.length);
  }
  rows.push({ name: 'compile cold 200 full parser', what: 'compile, cold, 200 phases, all through remark-mdx', unit: 'ms', ...summarize(slow), budget: null });
  rows.push({ name: 'compile save 200', what: 'compile, save (one phase changed), 200 phases', unit: 'ms', ...summarize(save.get(200)), budget: null });
  rows.push({ name: 'compile save 800', what: 'compile, save (one phase changed), 800 phases', unit: 'ms', ...summarize(save.get(800)), budget: null });
  return rows;
}
