// Evaluations per second of a typical loop-body expression, `{langs[$index].toUpperCase()}`,
// through the expression sandbox against a realistic scope (run by bench/run.js).
import { createSandbox } from '../dist/src/sandbox/index.js';
import { summarize } from './lib/stats.js';

const PER_ROUND = 20000;

const paragraph = (seed) => Array.from({ length: 60 }, (_, i) => `word${(i * 7 + seed) % 97}`).join(' ') + '.\n';
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
const source = 'langs[$index].toUpperCase()';

function round(sandbox) {
  const start = performance.now();
  for (let i = 0; i < PER_ROUND; i++) {
    const index = i % 5;
    const result = sandbox.evaluate(source, { ...scope, $index: index, $: { ...scope.$, index } });
    if (result !== scope.langs[index].toUpperCase()) throw new Error(`wrong result ${String(result)}`);
  }
  return PER_ROUND / ((performance.now() - start) / 1000);
}

export async function measureExpressions({ rounds }) {
  const sandbox = await createSandbox();
  try {
    round(sandbox); // warm up: compile, cache the scope's values, let V8 optimise
    const rates = Array.from({ length: rounds }, () => round(sandbox));
    return [{ name: 'expressions', what: 'expressions: {langs[$index].toUpperCase()}', unit: '/s', ...summarize(rates), budget: { op: '>=', value: 20000 } }];
  } finally {
    sandbox.dispose();
  }
}
