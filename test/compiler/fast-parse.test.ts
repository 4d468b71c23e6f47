// The compiler's fast parse path (src/compiler/fast-parse.ts) builds the tree itself for
// phases written in a small part of MDX. Every chunk it accepts must give exactly the tree
// remark-mdx gives, and a document parsed in cached chunks (fast path included) exactly
// the tree of one whole parse: on thousands of variants, every example and every fixture.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/compiler/chunks.js';
import { fastParse } from '../../src/compiler/fast-parse.js';
import { parseMdx, parseWhole } from '../../src/compiler/parse.js';
import { generateRunWorkflow, generateWorkflow } from '../../bench/generate.js';
import { BLOCKS } from './fast-parse-blocks.js';

const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** The children of one parse, or the text of the error it threw. */
function childrenOrError(parse: (text: string) => { children?: unknown }, text: string): unknown {
  try {
    return plain(parse(text).children);
  } catch (error) {
    return String(error);
  }
}

/** Each block alone, ended by a newline, before a phase break, and each pair as a phase. */
function blockVariants(): string[] {
  const texts: string[] = [];
  for (const a of BLOCKS) {
    texts.push(a, `${a}\n`, `${a}\n\n---\n`);
    for (const b of BLOCKS) texts.push(`\n${a}\n\n${b}\n\n---\n`);
  }
  return texts;
}

/** Generated workflows cut into phase chunks as the parser cuts them, each parsed alone. */
function generatedChunks(): string[] {
  const texts = [generateWorkflow(3), generateWorkflow(3, { salt: 'x' }), generateRunWorkflow(3, { bytesPerStep: 300 })];
  return texts.flatMap((text) => chunkDocument(text).map((chunk) => chunk.text));
}

/** Whole documents: phases of every block, frontmatter of odd shapes, generated workflows. */
function documents(): string[] {
  const texts: string[] = [];
  for (let i = 0; i < BLOCKS.length; i++) {
    const phases = [0, 1, 2, 3].map((k) => `${BLOCKS[(i + k * 7) % BLOCKS.length]}\n\n${BLOCKS[(i * 3 + k) % BLOCKS.length]}`);
    texts.push(`---\ntitle: t\n---\n\nIntro.\n\n---\n\n${phases.join('\n\n---\n\n')}\n`, phases.join('\n\n---\n\n'));
  }
  for (const top of ['---\n---', '---\ntitle: a\n---', '---\ntitle: a\n--- ', '---\na: 1\n----\nb: 2\n---', '---\ntitle: a', '---\n\ntitle: a\n\n---']) {
    texts.push(`${top}\n\n# Title\n\nText {x}.\n\n---\n\nMore.\n`, `${top}\n# Title\nText.\n`, `${top}\n`, top);
  }
  for (const size of [1, 5, 40]) {
    texts.push(generateWorkflow(size), generateWorkflow(size, { salt: 'é {x}' }), generateRunWorkflow(size, { bytesPerStep: 200 }));
  }
  return texts;
}

/** Every .md and .mdx file under a folder of the project. */
function workflowFiles(folder: string): string[] {
  const root = fileURLToPath(new URL(`../../${folder}`, import.meta.url));
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.mdx?$/.test(entry.name)) found.push(path);
    }
  };
  walk(root);
  return found;
}

function chunkedDiffers(text: string): boolean {
  return !isDeepStrictEqual(childrenOrError(parseMdx, text), childrenOrError(parseWhole, text));
}

describe('the fast parse path', () => {
  it("gives remark-mdx's tree for every variant it accepts", () => {
    const differences: string[] = [];
    let accepted = 0;
    for (const text of [...blockVariants(), ...generatedChunks()]) {
      const fast = fastParse(text);
      if (fast === null) continue;
      accepted++;
      if (!isDeepStrictEqual(plain(fast.children), childrenOrError(parseWhole, text))) differences.push(text);
    }
    expect(differences).toEqual([]);
    // it must take part, not leave everything to remark-mdx
    expect(accepted).toBeGreaterThan(1000);
  });

  it('takes the phases workflows are written in and leaves other markdown to remark-mdx', () => {
    for (const chunk of generatedChunks()) expect(fastParse(chunk), chunk).not.toBeNull();
    expect(fastParse('> a note\n\nWrite about {topic}.\n\n<GenText as="draft" />\n\n{draft}\n')).not.toBeNull();
    for (const text of ['*emphasis* text\n', '- list\n', 'a_b and [link](x)\n', '<GenText as="x">\n', 'Setext\n---\n']) {
      expect(fastParse(text), text).toBeNull();
    }
  });

  it('parses documents in cached chunks exactly as in one whole parse', () => {
    expect(documents().filter(chunkedDiffers)).toEqual([]);
  });

  it('parses every example and fixture in chunks exactly as in one whole parse', () => {
    const files = [...workflowFiles('examples'), ...workflowFiles('fixtures')];
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter((file) => chunkedDiffers(readFileSync(file, 'utf8')))).toEqual([]);
  });
});
