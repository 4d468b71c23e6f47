// Compile speed: `npx tsc -p tsconfig.json && node bench/compile.js`.
// Prints median/min/max ms per size and how much each doubling of the workflow costs
// (linear growth means ~2x).
import { compile } from '../dist/src/compiler/index.js';
import { generateWorkflow } from './generate.js';

const SIZES = [50, 100, 200, 400, 800];
const WARMUP = 10;
const RUNS = 25;

function measure(text) {
  for (let i = 0; i < WARMUP; i++) compile(text, 'bench.mdx');
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const result = compile(text, 'bench.mdx');
    times.push(performance.now() - start);
    if (result.diagnostics.some((d) => d.severity === 'error')) throw new Error(`bench workflow has errors: ${JSON.stringify(result.diagnostics[0])}`);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1] };
}

let previous = null;
console.log('phases   bytes   median      min      max   ratio');
for (const size of SIZES) {
  const text = generateWorkflow(size);
  const { median, min, max } = measure(text);
  const ratio = previous === null ? '' : (median / previous).toFixed(2);
  console.log(
    `${String(size).padStart(6)} ${String(text.length).padStart(7)} ${median.toFixed(2).padStart(8)} ${min.toFixed(2).padStart(8)} ${max.toFixed(2).padStart(8)}   ${ratio}`,
  );
  previous = median;
}
