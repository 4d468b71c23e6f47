// Shown while the file on disk does not compile: every error with its place and a code
// frame. The last good version of the workflow stays usable underneath.
import { Box, Text } from 'ink';
import type { Diagnostic } from '../src/compiler/types.js';
import { codeFrame } from '../src/cli/code-frame.js';
import { tint } from './palette.js';

export interface DiagnosticsBannerProps {
  diagnostics: Diagnostic[];
  text: string;
  width: number;
  /** most diagnostics shown; the rest are counted */
  limit?: number;
  /** the first line, when the screen is not the usual one (a file that never compiled) */
  title?: string;
}

export const BANNER_LIMIT = 3;

/** Lines the banner takes: a title, then per diagnostic its message and a two-line frame. */
export function bannerHeight(diagnostics: Diagnostic[], text: string, width: number, limit = BANNER_LIMIT): number {
  if (!diagnostics.length) return 0;
  const shown = diagnostics.slice(0, limit);
  const frames = shown.reduce((sum, d) => sum + 1 + (codeFrame(text, d.line, d.column, { width: width - 2 }) ? 2 : 0), 0);
  return 1 + frames + (diagnostics.length > limit ? 1 : 0);
}

export function DiagnosticsBanner({ diagnostics, text, width, limit = BANNER_LIMIT, title }: DiagnosticsBannerProps) {
  if (!diagnostics.length) return null;
  const count = diagnostics.length;
  const shown = diagnostics.slice(0, limit);
  return (
    <Box flexDirection="column" flexShrink={0}>
      <Text color={tint('red')} bold wrap="truncate">
        {title ?? `✗ ${count} error${count === 1 ? '' : 's'} in the file: still showing the last version that compiled; fix and save to update`}
      </Text>
      {shown.map((diagnostic, index) => {
        const frame = codeFrame(text, diagnostic.line, diagnostic.column, { width: width - 2 });
        return (
          <Box key={index} flexDirection="column">
            <Text wrap="truncate">
              <Text color={tint('red')}>line {diagnostic.line}, column {diagnostic.column}</Text>: {diagnostic.message.replace(/\s*\n\s*/g, " ")} <Text dimColor>[{diagnostic.rule}]</Text>
            </Text>
            {frame ? frame.split('\n').map((line, row) => <Text key={row} dimColor={row === 0} color={row === 1 ? tint('red') : undefined} wrap="truncate">{line}</Text>) : null}
          </Box>
        );
      })}
      {count > limit ? <Text dimColor>…and {count - limit} more</Text> : null}
    </Box>
  );
}
