// Shown while the file on disk does not compile: the first errors with their place and a code
// frame, wrapped to the width so each fix hint is read in full; the rest are counted, with the
// key that lists them all (the problems view). The last good version stays usable underneath.
import { Box, Text } from 'ink';
import type { Diagnostic } from '../src/compiler/types.js';
import { wrapColumns } from './columns.js';
import { problemsLines, type ProblemLine } from './problem-lines.js';
import { ProblemLineText } from './ProblemLineText.js';
import { tint } from './palette.js';
import { plural } from '../src/compiler/format-diagnostics.js';

export interface DiagnosticsBannerProps {
  diagnostics: Diagnostic[];
  text: string;
  width: number;
  /** most diagnostics shown; the rest are counted */
  limit?: number;
}

export const BANNER_LIMIT = 3;

/** The key that opens the full list (keys.ts binds it to the problems view). */
export const PROBLEMS_KEY = '!';

interface BannerLines {
  title: string[];
  problems: ProblemLine[];
  more: string[];
}

function bannerLines(diagnostics: Diagnostic[], text: string, width: number, limit: number): BannerLines {
  const count = diagnostics.length;
  const title = `✗ ${plural(count, 'error')} in the file: still showing the last version that compiled; fix and save to update`;
  const more = count > limit ? `…and ${count - limit} more: press ${PROBLEMS_KEY} to see them all` : '';
  return {
    title: wrapColumns(title, width),
    problems: problemsLines(diagnostics.slice(0, limit), text, width),
    more: more ? wrapColumns(more, width) : [],
  };
}

/** Lines the banner takes: its wrapped title, each shown problem's lines and the count of the rest. */
export function bannerHeight(diagnostics: Diagnostic[], text: string, width: number, limit = BANNER_LIMIT): number {
  if (!diagnostics.length) return 0;
  const lines = bannerLines(diagnostics, text, width, limit);
  return lines.title.length + lines.problems.length + lines.more.length;
}

/** The most problems (at least one, at most BANNER_LIMIT) whose banner fits in `rows`. */
export function bannerLimit(diagnostics: Diagnostic[], text: string, width: number, rows: number): number {
  let limit = Math.min(BANNER_LIMIT, diagnostics.length);
  while (limit > 1 && bannerHeight(diagnostics, text, width, limit) > rows) limit--;
  return limit;
}

export function DiagnosticsBanner({ diagnostics, text, width, limit = BANNER_LIMIT }: DiagnosticsBannerProps) {
  if (!diagnostics.length) return null;
  const lines = bannerLines(diagnostics, text, width, limit);
  return (
    <Box flexDirection="column" flexShrink={0}>
      {lines.title.map((line, index) => (
        <Text key={`t${index}`} color={tint('red')} bold wrap="truncate">
          {line}
        </Text>
      ))}
      {lines.problems.map((line, index) => (
        <ProblemLineText key={`p${index}`} line={line} />
      ))}
      {lines.more.map((line, index) => (
        <Text key={`m${index}`} dimColor wrap="truncate">
          {line}
        </Text>
      ))}
    </Box>
  );
}
