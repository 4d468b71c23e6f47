// Which compile warnings a run shows: all of them, except a missing model when the run has
// one from elsewhere (--model or the config's defaultModel).
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compiler/index.js';
import { runWarnings } from '../../src/compiler/run-warnings.js';

const { diagnostics } = compile('---\ntitel: x\n---\n\nHello.\n\n<GenText as="a" />\n', 'flow.mdx');

describe('runWarnings', () => {
  it('keeps every warning when the file alone says which model to use', () => {
    expect(runWarnings(diagnostics, false).map((d) => d.rule)).toEqual(['frontmatter-key', 'missing-model']);
  });

  it('drops the missing model when the run has a model from elsewhere, and keeps the rest', () => {
    expect(runWarnings(diagnostics, true).map((d) => d.rule)).toEqual(['frontmatter-key']);
  });
});
