// Checks the compiler's fast parse path against remark-mdx on many small variants:
// every chunk it accepts must give exactly remark-mdx's tree. `npm run build` first;
// prints how many variants it took and rejected, exits 1 on the first difference.
import { isDeepStrictEqual } from 'node:util';
import { fastParse } from '../dist/src/compiler/fast-parse.js';
import { parseMdx, parseWhole } from '../dist/src/compiler/parse.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateRunWorkflow, generateWorkflow } from './generate.js';

const plain = (value) => JSON.parse(JSON.stringify(value));
const blocks = [
  '> a note',
  '> two\n> lines',
  '> a {x} note',
  '> # heading',
  'Plain text.',
  'Two\nlines of text.',
  'Text with {x} in it.',
  '{x} at the start of text',
  'ends with {x}',
  'ends with {x}\nand goes on',
  'starts\n{x} on the second line',
  '{a}{b} adjacent',
  'Text é and 日本 and 😀 {x}.',
  'Review in {draft0.length > 10 ? \'detail\' : \'brief\'}:',
  'Call {f(a, b)} and {(a || b)} and {((a))} and {a?.b ?? c} and {[1, 2].map((n) => n * 2)}',
  'Call {f(a, b)} now',
  'Paren {(a || b)} and {a?.b ?? c} and {[1, 2].map((n) => n * 2)} and {!a} and {-1}',
  'Strings {"x" + \'y\'} and {a["b"]}',
  'Arrow {xs.filter((x) => x > 1).length} and {new Date(0).getTime()}',
  'Line one\nline {two}\nline three {x}',
  '> note: a, b; c (d) "e" \'f\' ?!',
  'Braces {"a}"} break',
  'Object {{ a: 1 }} literal',
  'Template {`t`} string',
  'Comment {/* c */}',
  'Empty {} expression',
  'Spaced { x } expression',
  'Bad {x +} expression',
  'Two statements {a; b}',
  'JSX in expr {<b />}',
  'Fragment {<>Hello **{name}**</>} inline',
  '{<>Hello {name}</>}',
  '{langs.map((l) => <>- {l}</>)}',
  "{include('tone')} and {include(`a/b.mdx`)}",
  '<GenText as="d0" role={<>You are {who}.</>} />',
  'Less {a < b} than',
  '*emphasis* text',
  'Use `code` here and `{x}` and `a <b> & c \\ *d*` there {y}.',
  '`starts` with code',
  '``double`` ticks',
  '` spaced `',
  '`unclosed code',
  'code `a`` b',
  '> Try `stepwise x.mdx --model echo` and `{poem}`.',
  '> a `b` {c}',
  'a_b and `code` and [link](x) and \\{ and &amp;',
  'Escaped \\< and \\{ and \\} and \\\\ and \\* text',
  '\\<b> and \\`not code\\` and {x}',
  'a \\\\{x} b',
  'escaped \\a letter',
  'hard break at the end \\',
  '\\# not a heading',
  '# Heading',
  '## Sub {x} heading',
  '# Closed #',
  '#NoSpace',
  '####### seven',
  '#  two spaces',
  '- list',
  '1. list',
  'import x from "y"',
  'export const a = 1',
  '    indented',
  'trailing  ',
  '{x}',
  '{draft0}',
  '{ x }',
  '{x} ',
  '{a.b(c)}',
  '<GenText as="d0" />',
  '<GenText as="d0" stream={false} />',
  '<Loop as="l" until={$index === langs.length} provide={langs} max={3} />',
  '<GenObject as="o" schema={$.z.object(a)} />',
  '<GenText as="d 0" stream model={a.b} role="be &amp; kind" />',
  '<gen-text as="x"/>',
  '<GenText  as="x"  />',
  '<GenText as=\'x\' />',
  '<GenText {...props} />',
  '<GenText as="x">',
  '<GenText as="x" /> trailing',
  '<example>text</example>',
  '<GenText as={`t`} />',
  '---',
  '***',
  'Setext\n---',
  'Line\n===',
];

let accepted = 0;
let rejected = 0;
function check(text) {
  const fast = fastParse(text);
  if (fast === null) {
    rejected++;
    return;
  }
  let whole;
  try {
    whole = parseWhole(text);
  } catch (error) {
    console.error(`fastParse accepted a text remark-mdx rejects (${error.message}):\n${text}`);
    process.exit(1);
  }
  if (!isDeepStrictEqual(plain(fast.children), plain(whole.children))) {
    console.error(`different trees for:\n${text}\nfast:  ${JSON.stringify(fast.children)}\nwhole: ${JSON.stringify(whole.children)}`);
    process.exit(1);
  }
  accepted++;
}

for (const a of blocks) {
  check(a);
  check(`${a}\n`);
  check(`${a}\n\n---\n`);
  for (const b of blocks) check(`\n${a}\n\n${b}\n\n---\n`);
}
for (const text of [generateWorkflow(3), generateWorkflow(3, { salt: 'x' }), generateRunWorkflow(3, { bytesPerStep: 300 })]) {
  for (const chunk of text.split(/\n(?=---\n\n)/)) check(chunk.startsWith('---\ntitle') ? '' : `${chunk}\n`);
}
// whole documents: phases placed at their lines and offsets must match one whole parse
let documents = 0;
const sameDocument = (text) => {
  let whole = null;
  let chunked = null;
  try { whole = plain(parseWhole(text).children); } catch (error) { whole = String(error); }
  try { chunked = plain(parseMdx(text).children); } catch (error) { chunked = String(error); }
  if (!isDeepStrictEqual(whole, chunked)) {
    console.error(`the chunked parse differs from one whole parse for:\n${text}`);
    process.exit(1);
  }
  documents++;
};
for (let i = 0; i < blocks.length; i++) {
  const phases = [0, 1, 2, 3].map((k) => `${blocks[(i + k * 7) % blocks.length]}\n\n${blocks[(i * 3 + k) % blocks.length]}`);
  sameDocument(`---\ntitle: t\n---\n\nIntro.\n\n---\n\n${phases.join('\n\n---\n\n')}\n`);
  sameDocument(`${phases.join('\n\n---\n\n')}`);
}
for (const top of ['---\n---', '---\ntitle: a\n---', '---\ntitle: a\n--- ', '---\na: 1\n----\nb: 2\n---', '---\ntitle: a', '---\n\ntitle: a\n\n---']) {
  sameDocument(`${top}\n\n# Title\n\nText {x}.\n\n---\n\nMore.\n`);
  sameDocument(`${top}\n# Title\nText.\n`);
  sameDocument(`${top}\n`);
  sameDocument(top);
}
for (const size of [1, 5, 40]) {
  sameDocument(generateWorkflow(size));
  sameDocument(generateWorkflow(size, { salt: 'é {x}' }));
  sameDocument(generateRunWorkflow(size, { bytesPerStep: 200 }));
}
console.log(`${documents} documents parse the same chunked as whole`);

// every workflow the project ships: the chunked parse (fast path included) must equal one whole parse
let files = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (/\.mdx?$/.test(entry.name)) {
      const text = readFileSync(path, 'utf8');
      let whole = null;
      let chunked = null;
      try { whole = plain(parseWhole(text).children); } catch (error) { whole = String(error); }
      try { chunked = plain(parseMdx(text).children); } catch (error) { chunked = String(error); }
      if (!isDeepStrictEqual(whole, chunked)) {
        console.error(`the chunked parse differs from one whole parse for ${path}`);
        process.exit(1);
      }
      files++;
    }
  }
};
for (const dir of ['examples', 'fixtures']) walk(new URL(`../${dir}`, import.meta.url).pathname);
console.log(`${files} shipped workflows parse the same chunked as whole`);
console.log(`fast parse: ${accepted} variants gave remark-mdx's tree, ${rejected} were left to remark-mdx`);
