// A seeded fuzz of compile(): mutants of every fixture and example (cut short, stray
// `{` `<` `---`, deep nesting, CRLF, a BOM, NUL, invalid UTF-8 decoded as `check`
// decodes it). compile() must never throw or report an internal error, and every
// diagnostic must point inside the text.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compiler/index.js';
import type { Diagnostic } from '../../src/compiler/types.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = 20261202;
const MUTANTS_PER_SOURCE = 8;

function workflowFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...workflowFiles(path));
    else if (/\.mdx?$/.test(name)) found.push(path);
  }
  return found;
}

/** mulberry32: small, seeded, the same mutants on every machine */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (text: string, next: () => number) => string;

const at = (text: string, next: () => number) => Math.floor(next() * (text.length + 1));
const insert = (piece: string): Mutation => (text, next) => {
  const i = at(text, next);
  return text.slice(0, i) + piece + text.slice(i);
};
const nest = (open: string, close: string, depth: number): Mutation => (text, next) => {
  const i = at(text, next);
  return `${text.slice(0, i)}${open.repeat(depth)}x${close.repeat(depth)}${text.slice(i)}`;
};

const MUTATIONS: Array<[string, Mutation]> = [
  ['truncate', (text, next) => text.slice(0, at(text, next))],
  ['brace', insert('{')],
  ['tag', insert('<')],
  ['close tag', insert('</Loop>')],
  ['break', insert('\n---\n')],
  ['frontmatter fence', insert('---\n')],
  ['emphasis', insert('*_')],
  ['CRLF', (text) => text.replace(/\n/g, '\r\n')],
  ['lone CR', (text) => text.replace(/\n/g, '\r')],
  ['BOM', (text) => `\ufeff${text}`],
  ['NUL', insert('\0')],
  ['invalid UTF-8', (text, next) => {
    const bytes = Buffer.from(text, 'utf8');
    const i = Math.floor(next() * (bytes.length + 1));
    return Buffer.concat([bytes.subarray(0, i), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xe2, 0x82]), bytes.subarray(i)]).toString('utf8');
  }],
  ['deep tags', nest('<b>', '</b>', 300)],
  ['deep expression', (text, next) => {
    const i = at(text, next);
    return `${text.slice(0, i)}\n\n{${'['.repeat(300)}${']'.repeat(300)}}\n\n${text.slice(i)}`;
  }],
  ['deep quotes', (text, next) => {
    const i = at(text, next);
    return `${text.slice(0, i)}\n\n${'> '.repeat(250)}x\n\n${text.slice(i)}`;
  }],
  ['deep Conds', (text, next) => {
    const i = at(text, next);
    const open = Array.from({ length: 120 }, (_, n) => `<Cond as="deep${n}" if={true}>\n`).join('');
    return `${text.slice(0, i)}\n\n${open}x\n${'</Cond>\n'.repeat(120)}\n${text.slice(i)}`;
  }],
];

/** Problems with where a diagnostic points; empty when it is inside the text. */
function placeProblems(text: string, diagnostic: Diagnostic): string[] {
  const lines = text.split(/\r\n?|\n/);
  const { line, column } = diagnostic;
  const problems: string[] = [];
  if (!Number.isInteger(line) || line < 1 || line > lines.length) problems.push(`line ${line} of ${lines.length}`);
  else if (!Number.isInteger(column) || column < 1 || column > lines[line - 1]!.length + 1) problems.push(`column ${column} of a ${lines[line - 1]!.length}-character line`);
  if (diagnostic.rule === 'internal-error') problems.push(diagnostic.message);
  return problems;
}

describe('compile on malformed workflows', () => {
  const sources = [...workflowFiles(join(ROOT, 'fixtures')), ...workflowFiles(join(ROOT, 'examples'))];

  it('has fixtures to mutate', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it('never throws, and every diagnostic has a line and column inside the text', () => {
    const next = random(SEED);
    const failures: string[] = [];
    let mutants = 0;
    for (const source of sources) {
      const original = readFileSync(source, 'utf8');
      for (let n = 0; n < MUTANTS_PER_SOURCE; n++) {
        const [name, mutate] = MUTATIONS[Math.floor(next() * MUTATIONS.length)]!;
        // two mutations in a row now and then: a truncated CRLF file, a BOM before a stray brace
        let text = mutate(original, next);
        if (next() < 0.3) text = MUTATIONS[Math.floor(next() * MUTATIONS.length)]![1](text, next);
        mutants++;
        let diagnostics: Diagnostic[];
        try {
          diagnostics = compile(text, 'fuzz.mdx').diagnostics;
        } catch (error) {
          failures.push(`${source} (${name}): threw ${String(error)}`);
          continue;
        }
        for (const diagnostic of diagnostics) {
          for (const problem of placeProblems(text, diagnostic)) failures.push(`${source} (${name}): ${diagnostic.rule} at ${problem}`);
        }
      }
    }
    expect(mutants).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  });
});
