// `stepwise check` on inputs a fuzz found slow or fatal, each ~200 KB, against a plain
// file of the same size checked in the same round (whole process, so startup is in both).
// The plain file has a word of *emphasis* in each paragraph, so it goes through
// remark-mdx as the cases do: the fast parse path (bench/README.md) is ~5x quicker on
// the prose it covers, and a case whose padding it covers would measure that instead.
import { join } from 'node:path';
import { timeCommand } from './lib/spawn-timed.js';
import { summarize } from './lib/stats.js';
import { workspace } from './lib/workspace.js';

const SIZE = 200_000;

/** Plain prose paragraphs to `size` characters. */
function prose(size) {
  let text = '';
  for (let i = 0; text.length < size; i++) text += `This is paragraph ${i} of a *plain* prompt, with nothing in it but words.\n\n`;
  return text.slice(0, size);
}

function padded(body) {
  return body + prose(SIZE - body.length);
}

const CASES = {
  'deep Loops (1,000 nested)': () =>
    padded(Array.from({ length: 1000 }, (_, i) => `<Loop as="l${i}" until={true}>\n\n`).join('') + 'hi\n\n' + '</Loop>\n\n'.repeat(1000)),
  'deep inline tags (5,000 nested)': () => padded(`x ${'<b>'.repeat(5000)}hi${'</b>'.repeat(5000)}\n\n`),
  'deep expression (250 brackets)': () => padded(`<GenText as="x" model="echo" />\n\n{${'['.repeat(250)}${']'.repeat(250)}}\n\n`),
  'CRLF line endings': () => prose(SIZE).replace(/\n/g, '\r\n'),
  'escapes (\\< only)': () => `${'\\<'.repeat(SIZE / 2)}\n`,
  'frontmatter keys (5,000)': () =>
    padded(`---\ndata:\n${Array.from({ length: 5000 }, (_, i) => `  key${i}: value ${i}\n`).join('')}---\n\n`),
  'YAML alias bomb': () => padded(`---\ndata:\n  a: &a [x,x,x,x,x,x,x,x,x,x]\n${Array.from({ length: 8 }, (_, i) => `  b${i}: &b${i} [${Array(10).fill(`*${i ? `b${i - 1}` : 'a'}`).join(',')}]\n`).join('')}---\n\n`),
  'emphasis run (*x*, 100,000 each side)': () => `${'*'.repeat(SIZE / 2 - 1)}x${'*'.repeat(SIZE / 2 - 1)}\n`,
  'nested emphasis (*a **b ...)': () => `${'*a **b '.repeat(SIZE / 7)}\n`,
  'emphasis closers (a* only)': () => `${'a* '.repeat(SIZE / 3)}\n`,
  'brackets ([a] only)': () => `${'[a]'.repeat(SIZE / 3)}\n`,
  'nested list items (400, 2-space indent)': () => padded(Array.from({ length: 400 }, (_, i) => `${'  '.repeat(i)}- x\n`).join('') + '\n'),
  'deep quotes (> only)': () => `${'>'.repeat(SIZE - 3)} q\n`,
  'many problems (5,000 unknown names, each with its code frame)': () =>
    padded(Array.from({ length: 5000 }, (_, i) => `Use {missing${i}}.\n\n`).join('')),
  'a run of spaces inside a paragraph': () => `a${' '.repeat(SIZE - 40)}b\n\n<GenText as="x" model="echo" />\n`,
  'a one-word line, then an unquoted attribute value': () => `${'a'.repeat(SIZE - 20)}\n\n<x y=1 />\n`,
  'object literal 1,000 braces deep, in an attribute': () =>
    padded(`<Loop as="l" until={true} provide={${'{a:'.repeat(999)}1${'}'.repeat(999)}}>\n\nhi\n\n</Loop>\n\n`),
};

export async function measurePathological({ rounds }) {
  const files = { 'plain.mdx': prose(SIZE) };
  const names = Object.keys(CASES);
  names.forEach((name, i) => (files[`case${i}.mdx`] = CASES[name]()));
  const dir = workspace(files);
  const plainFile = join(dir, 'plain.mdx');
  await timeCommand(['check', plainFile]); // warm the file system cache
  const ratios = names.map(() => []);
  const times = names.map(() => []);
  const plain = [];
  for (let r = 0; r < rounds; r++) {
    const base = (await timeCommand(['check', plainFile])).ms;
    plain.push(base);
    for (let i = 0; i < names.length; i++) {
      // every case but CRLF and escapes reports an error: exit code 2
      const expectCode = /CRLF|escapes|keys|spaces/.test(names[i]) ? 0 : 2;
      const ms = (await timeCommand(['check', join(dir, `case${i}.mdx`)], { expectCode })).ms;
      times[i].push(ms);
      ratios[i].push(ms / base);
    }
  }
  const kb = `${SIZE / 1000} KB`;
  const rows = [{ name: 'pathological plain', what: `check, plain prose, ${kb} (the baseline)`, unit: 'ms', ...summarize(plain), budget: null }];
  names.forEach((name, i) => {
    rows.push({ name: 'pathological', what: `check, ${name}, ${kb} ÷ plain`, unit: '×', ...summarize(ratios[i]), budget: { op: '<=', value: 3 } });
  });
  const slowest = times.map((t) => summarize(t)).sort((a, b) => b.median - a.median)[0];
  rows.push({ name: 'pathological slowest', what: 'check, the slowest pathological case', unit: 'ms', ...slowest, budget: { op: '<', value: 2000 } });
  return rows;
}
