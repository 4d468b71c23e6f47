import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/compiler/types.js';
import { formatDiagnostics, formatSummary } from '../../src/compiler/format-diagnostics.js';
import { palette } from '../../src/cli/paint.js';

const text = '---\ntitle: x\n---\n\nWrite about {topc}.\n\n<GenTxt as="a" />\n';
const diagnostics: Diagnostic[] = [
  { severity: 'warning', message: 'a warning', line: 7, column: 1, rule: 'some-warning' },
  { severity: 'error', message: 'unknown name `topc`', line: 5, column: 14, rule: 'unknown-name' },
];

describe('formatDiagnostics', () => {
  it('prints each diagnostic in file order with its code frame, without colour', () => {
    expect(formatDiagnostics('w.mdx', text, diagnostics, {})).toBe(
      [
        'w.mdx:5:14  error  unknown name `topc`  [unknown-name]',
        '  5 | Write about {topc}.',
        '    |              ^',
        '',
        'w.mdx:7:1  warning  a warning  [some-warning]',
        '  7 | <GenTxt as="a" />',
        '    | ^',
        '',
      ].join('\n'),
    );
  });

  it('colours severities red and yellow and dims the gutter when asked', () => {
    const out = formatDiagnostics('w.mdx', text, diagnostics, { paint: palette(true) });
    expect(out).toContain('\u001b[31merror\u001b[39m');
    expect(out).toContain('\u001b[33mwarning\u001b[39m');
    expect(out).toContain('\u001b[2m  5 | \u001b[22mWrite about {topc}.');
  });

  it('prints no frame for a diagnostic outside the text', () => {
    const d: Diagnostic = { severity: 'error', message: 'boom', line: 0, column: 0, rule: 'parse-error' };
    expect(formatDiagnostics('w.mdx', text, [d], {})).toBe('w.mdx:0:0  error  boom  [parse-error]\n');
  });
});

describe('formatSummary', () => {
  it('says ok when there are no problems', () => {
    expect(formatSummary({ errors: 0, warnings: 0, files: 1, filesWithProblems: 0 })).toBe('ok: 1 file, no problems');
    expect(formatSummary({ errors: 0, warnings: 0, files: 3, filesWithProblems: 0 })).toBe('ok: 3 files, no problems');
  });

  it('counts errors and warnings, with plurals', () => {
    expect(formatSummary({ errors: 2, warnings: 1, files: 1, filesWithProblems: 1 })).toBe('2 errors, 1 warning in 1 file');
    expect(formatSummary({ errors: 0, warnings: 2, files: 2, filesWithProblems: 2 })).toBe('2 warnings in 2 files');
  });

  it('says how many of the files had problems when not all did', () => {
    expect(formatSummary({ errors: 1, warnings: 0, files: 3, filesWithProblems: 1 })).toBe('1 error in 1 of 3 files');
  });
});
