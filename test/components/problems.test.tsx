// Long messages wrap instead of being cut at the screen edge: the compile banner, the notice
// line above the key hints (a step's `failed: …`), and the problems view that lists them all.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { DiagnosticsBanner, bannerHeight, bannerLimit } from '../../components/DiagnosticsBanner.js';
import { BottomLine, bottomLineRows, noticeLines } from '../../components/BottomLine.js';
import { ProblemsView, problemsMaxScroll, scrollForKey } from '../../components/ProblemsView.js';
import { BrokenFileScreen } from '../../components/BrokenFileScreen.js';
import { compile } from '../../src/compiler/index.js';
import { waitForFrame, KEYS } from '../support/ink.js';

function frame(element: React.ReactElement) {
  const ui = render(element);
  const text = ui.lastFrame()!;
  ui.unmount();
  return text;
}

const text = '---\nmodel: echo\n---\n\nHello {nme} and a <b tag here.\n';
const problem = (column: number, message: string, rule: string) => ({ severity: 'error' as const, message, line: 5, column, rule });
const NAME = problem(8, 'unknown name `nme`; did you mean `name`?', 'unknown-name');
const TAG = problem(20, 'unexpected character `b` before attribute name: write `\\<` for a literal `<`, or close the tag', 'mdx-syntax');

describe('the compile banner at a narrow width', () => {
  it('wraps the title and each message, so the fix hint at the end is read in full', () => {
    const lines = frame(<DiagnosticsBanner diagnostics={[NAME, TAG]} text={text} width={40} />).split('\n');
    expect(lines).toEqual([
      '✗ 2 errors in the file: still showing',
      'the last version that compiled; fix and',
      'save to update',
      'line 5, column 8: unknown name `nme`;',
      '  did you mean `name`? [unknown-name]',
      '  5 | Hello {nme} and a <b tag here.',
      '    |        ^',
      'line 5, column 20: unexpected',
      '  character `b` before attribute name:',
      '  write `\\<` for a literal `<`, or close',
      '  the tag [mdx-syntax]',
      '  5 | Hello {nme} and a <b tag here.',
      '    |                    ^',
    ]);
    expect(lines.every((line) => line.length <= 40)).toBe(true);
    // App lays the screen out with this number: it must be exact
    expect(bannerHeight([NAME, TAG], text, 40)).toBe(lines.length);
  });

  it('counts the problems it does not show and names the key that lists them all', () => {
    const six = [NAME, TAG, NAME, TAG, NAME, TAG];
    const lines = frame(<DiagnosticsBanner diagnostics={six} text={text} width={60} />).split('\n');
    expect(lines.at(-1)).toBe('…and 3 more: press ! to see them all');
    expect(bannerHeight(six, text, 60)).toBe(lines.length);
    // on a short screen it shows fewer, down to one
    expect(bannerLimit(six, text, 60, 12)).toBe(2);
    expect(bannerLimit(six, text, 60, 3)).toBe(1);
    expect(frame(<DiagnosticsBanner diagnostics={six} text={text} width={60} limit={1} />).split('\n').at(-1)).toBe('…and 5 more: press ! to see them all');
  });
});

describe('the notice line', () => {
  const failed = 'failed: openai:gpt-4o rejected the request (401): invalid API key; set OPENAI_API_KEY or press k to enter one';

  it('wraps a long failure to the width, keeping its fix hint', () => {
    const lines = frame(<BottomLine width={40} showing="notice" notice={failed} onFeedback={() => {}} onApiKey={() => {}} />).split('\n');
    expect(lines).toEqual(['failed: openai:gpt-4o rejected the', 'request (401): invalid API key; set', 'OPENAI_API_KEY or press k to enter one']);
    expect(bottomLineRows('notice', failed, 40)).toBe(3);
    expect(bottomLineRows('notice', 'saved', 40)).toBe(1);
    expect(bottomLineRows('quit', failed, 40)).toBe(1);
  });

  it('takes at most three rows; a longer notice ends in …', () => {
    expect(noticeLines(`failed: ${'word '.repeat(30)}`, 40)).toEqual(['failed: word word word word word word', 'word word word word word word word word', 'word word word word word word word word…']);
    expect(noticeLines('failed: one\ntwo\nthree\nfour', 40)).toEqual(['failed: one', 'two', 'three…']);
  });
});

describe('the problems view', () => {
  const six = [NAME, TAG, NAME, TAG, NAME, TAG];
  const view = { diagnostics: six, text, title: '✗ 6 errors in the file: fix and save to update', width: 60, height: 12 };

  it('lists every problem in full, a blank line between them, and says how much is below', () => {
    const lines = frame(<ProblemsView {...view} scroll={0} />).split('\n');
    expect(lines).toEqual([
      '✗ 6 errors in the file: fix and save to update',
      'line 5, column 8: unknown name `nme`; did you mean `name`?',
      '  [unknown-name]',
      '  5 | Hello {nme} and a <b tag here.',
      '    |        ^',
      '',
      'line 5, column 20: unexpected character `b` before',
      '  attribute name: write `\\<` for a literal `<`, or close the',
      '  tag [mdx-syntax]',
      '  5 | Hello {nme} and a <b tag here.',
      '    |                    ^',
      '⋮ 22 more lines (↓/PgDn)',
    ]);
  });

  it('scrolls to the last problem and no further', () => {
    const max = problemsMaxScroll(view);
    expect(max).toBe(22);
    const lines = frame(<ProblemsView {...view} scroll={max + 5} />).trimEnd().split('\n');
    expect(lines.slice(-6)).toEqual([
      '',
      'line 5, column 20: unexpected character `b` before',
      '  attribute name: write `\\<` for a literal `<`, or close the',
      '  tag [mdx-syntax]',
      '  5 | Hello {nme} and a <b tag here.',
      '    |                    ^',
    ]);
    expect(lines.join('\n')).not.toContain('more line');
    expect(scrollForKey('pagedown', 15, 10, max)).toBe(max);
    expect(scrollForKey('up', 0, 10, max)).toBe(0);
    expect(scrollForKey('down', 0, 10, max)).toBe(1);
    expect(scrollForKey('n', 3, 10, max)).toBeNull();
  });
});

describe('the screen of a file that never compiled', () => {
  it('lists the problems in the same view, and ↓/PgDn scroll to the last one', async () => {
    const source = ['---', 'model: echo', '---', '', ...[1, 2, 3, 4, 5, 6].map((n) => `Line {nme${n}}.`), '', '<GenText as="x" />', ''].join('\n');
    const file = join(mkdtempSync(join(tmpdir(), 'stepwise-broken-')), 'broken.mdx');
    writeFileSync(file, source);
    const { diagnostics } = compile(source, file);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(6);
    const ui = render(<BrokenFileScreen file={file} text={source} diagnostics={errors} compile={(text) => compile(text, file)} onFixed={() => {}} onQuit={() => {}} size={{ rows: 16, columns: 100 }} />);
    try {
      let shown = await waitForFrame(ui, (f) => f.includes('more lines (↓/PgDn)'));
      expect(shown.split('\n')[1]).toBe('✗ 6 errors in the file: fix and save, and the workflow opens once it compiles');
      expect(shown).toContain('line 5, column 7: unknown name `nme1`');
      expect(shown).not.toContain('nme6');
      expect(shown.trimEnd().split('\n').at(-1)).toBe('↑/↓ PgUp/PgDn scroll  q quit');
      for (let page = 0; page < 4 && !shown.includes('10 | Line {nme6}.'); page++) {
        ui.stdin.write(KEYS.pageDown);
        const before = shown;
        shown = await waitForFrame(ui, (f) => f !== before);
      }
      expect(shown).toContain('line 10, column 7: unknown name `nme6`');
      expect(shown).toContain('  10 | Line {nme6}.');
      expect(shown).not.toContain('more lines');
    } finally {
      ui.unmount();
    }
  });
});
