// Evaluations per second of a typical loop-body expression against a realistic scope.
// Build first: npx tsc -p tsconfig.json && node bench/sandbox.js
import { createSandbox } from '../dist/src/sandbox/index.js';

const ROUNDS = 7;
const PER_ROUND = 20000;

const paragraph = (seed) =>
  Array.from({ length: 60 }, (_, i) => `word${(i * 7 + seed) % 97}`).join(' ') + '.\n';
const scope = {
  poem: paragraph(1).repeat(8),
  notes: paragraph(2).repeat(6),
  style: paragraph(3).repeat(4),
  topic: 'the sea',
  audience: 'children',
  tone: 'gentle',
  draft: paragraph(4).repeat(5),
  langs: ['French', 'German', 'Spanish', 'Italian', 'Dutch'],
  $index: 0,
  $: { index: 0, self: [{ title: 'a', text: 'first' }, { title: 'b', text: 'second' }], last: undefined },
};

const sandbox = await createSandbox();
const source = 'langs[$index].toUpperCase()';

function round() {
  const start = process.hrtime.bigint();
  for (let i = 0; i < PER_ROUND; i++) {
    const index = i % 5;
    const result = sandbox.evaluate(source, { ...scope, $index: index, $: { ...scope.$, index } });
    if (result !== scope.langs[index].toUpperCase()) throw new Error(`wrong result ${String(result)}`);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return PER_ROUND / seconds;
}

round(); // warm up: compile, cache the scope's values, let V8 optimise
const rates = Array.from({ length: ROUNDS }, round).sort((a, b) => a - b);
const median = rates[Math.floor(ROUNDS / 2)];
console.log(`sandbox: ${Math.round(median).toLocaleString('en-US')} evaluations/s ` +
  `(median of ${ROUNDS} rounds of ${PER_ROUND}; min ${Math.round(rates[0])}, max ${Math.round(rates[ROUNDS - 1])})`);
sandbox.dispose();
