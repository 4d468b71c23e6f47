// The input form's screen: the workflow's title above the form, so the author knows which
// workflow is asking.
import type { ReactNode } from 'react';
import { Box, Text } from 'ink';

/** the title and the blank row under it */
export const FORM_HEADING_ROWS = 2;

export function FormScreen({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate">
        {title}
      </Text>
      <Text> </Text>
      {children}
    </Box>
  );
}
