// The chunked, cached parse must give exactly the tree of one whole parse.
import { describe, expect, it } from 'vitest';
import { parseMdx, parseWhole } from '../../src/compiler/parse.js';
import { generateWorkflow } from '../../bench/generate.js';

function same(text: string): void {
  expect(JSON.parse(JSON.stringify(parseMdx(text).children))).toEqual(JSON.parse(JSON.stringify(parseWhole(text).children)));
}

const PHASE = 'Write {a} about cats.\n\n<GenText as="b" model="m" stream={false} />\n';

describe('chunked parse', () => {
  it('matches a whole parse, and again after lines move the cached chunks', () => {
    const text = generateWorkflow(5);
    same(text);
    same('\n\nNew first line.\n' + text);
    same(text.replace('Write part 3', 'Write\nthe\npart 3'));
  });

  it('handles identical phases, frontmatter with blank lines, and breaks in odd places', () => {
    same(`---\ntitle: x\n\n---\n\n${PHASE}\n---\n\n${PHASE}\n---\n\n${PHASE}`);
    same(`${PHASE}\n---\n---\n\nx\n\n---\n\n***\n\n___\n\n${PHASE}\n---\n`);
  });

  it('falls back to a whole parse when a cut is inside a code fence or a Loop body', () => {
    same(`${PHASE}\n\`\`\`\ncode\n\n---\n\nmore\n\`\`\`\n\n---\n\n${PHASE}`);
    same(`- item\n\n  \`\`\`\n  code\n\n---\n\n${PHASE}`);
    same(`<Loop as="l" until={true}>\n\n${PHASE}\n---\n\n${PHASE}</Loop>\n\n---\n\n${PHASE}`);
  });

  it('throws the parser error of the whole text', () => {
    const text = `${PHASE}\n---\n\nA {broken\n\n---\n\n${PHASE}`;
    let chunked: unknown;
    let whole: unknown;
    try {
      parseMdx(text);
    } catch (error) {
      chunked = error;
    }
    try {
      parseWhole(text);
    } catch (error) {
      whole = error;
    }
    expect(String(chunked)).toBe(String(whole));
    expect((chunked as { line: number }).line).toBe((whole as { line: number }).line);
  });
});
