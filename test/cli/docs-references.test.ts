// The reference in docs/ is what source comments cite (`docs/language.md §4`): every cited
// page and section must exist, so a renumbered section or a renamed page fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-cli.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** `§N` of a page: its `## N. Title` headings. */
function sections(page: string): string[] {
  return [...readFileSync(join(ROOT, 'docs', page), 'utf8').matchAll(/^## (\d+)\. /gm)].map((m) => m[1]!);
}

const sources = ['src', 'components', 'test', 'bench', 'scripts', 'bin'].flatMap((dir) => sourceFiles(join(ROOT, dir)));

describe('docs/', () => {
  it('holds the language, command line and terminal UI reference, each section numbered in order', () => {
    expect(readdirSync(join(ROOT, 'docs')).sort()).toEqual(['cli.md', 'language.md', 'tui.md']);
    expect(sections('language.md')).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
    expect(sections('cli.md')).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(sections('tui.md')).toEqual(['1', '2', '3', '4']);
  });

  it('every `docs/page.md §N` a comment cites exists, and no comment cites the old SPEC', () => {
    const missing: string[] = [];
    let cited = 0;
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      expect(text, relative(ROOT, file)).not.toMatch(/S[P]EC §/);
      for (const citation of text.matchAll(/docs\/([a-z-]+\.md)((?:,? §\d+)+)/g)) {
        const page = citation[1]!;
        const known = (() => {
          try {
            return sections(page);
          } catch {
            return null;
          }
        })();
        cited++;
        if (!known) missing.push(`${relative(ROOT, file)}: ${page}`);
        for (const [, number] of citation[2]!.matchAll(/§(\d+)/g)) {
          if (known && !known.includes(number!)) missing.push(`${relative(ROOT, file)}: ${page} §${number}`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(cited).toBeGreaterThan(20);
  });
});
