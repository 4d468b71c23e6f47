// The workflow's description (the first phase when it has no action): shown, never run.
import { Box, Text } from 'ink';
import { clip, headLines } from './format.js';

export interface DescriptionViewProps {
  text: string | null;
  width: number;
  maxLines: number;
}

export function descriptionLines(text: string | null, width: number, maxLines: number): string[] {
  if (!text || maxLines <= 0) return [];
  const { lines, more } = headLines(text.trim(), width, maxLines);
  if (more && lines.length) lines[lines.length - 1] = clip(`${lines[lines.length - 1]!}…`, width);
  return lines;
}

export function DescriptionView({ text, width, maxLines }: DescriptionViewProps) {
  const lines = descriptionLines(text, width, maxLines);
  if (!lines.length) return null;
  return (
    <Box flexDirection="column" height={lines.length} flexShrink={0}>
      {lines.map((line, index) => (
        <Text key={index} italic wrap="truncate">
          {line}
        </Text>
      ))}
    </Box>
  );
}
