// A frontmatter whose closing `---` was forgotten: without a check, markdown reads the first
// `---` as a phase break and the keys below it as prompt text, so `title: x` and the input
// definitions were sent to the model and the inputs were never asked for.
import { describe, expect, it } from 'vitest';
import { diagnosticsOf } from './compile-helpers.js';

const UNCLOSED = '---\ntitle: Story\ninput:\n  topic:\n    default: rain\n\nWrite about {"it"}.\n\n<GenText as="story" model="echo" />\n';

describe('a frontmatter that is never closed', () => {
  it('is an error at its opening line that says how to close it', () => {
    expect(diagnosticsOf(UNCLOSED)).toEqual([
      {
        severity: 'error',
        rule: 'frontmatter-unclosed',
        line: 1,
        column: 1,
        message: 'the frontmatter that starts here is never closed: add a line `---` after its last key (without it, the keys are read as prompt text)',
      },
    ]);
  });

  it('a closed frontmatter, and a phase break before plain text, are fine', () => {
    expect(diagnosticsOf(UNCLOSED.replace('\n\nWrite', '\n---\n\nWrite'))).toEqual([]);
    expect(diagnosticsOf('---\n\nNote: text.\n\n<GenText as="a" model="echo" />\n')).toEqual([]);
  });
});
