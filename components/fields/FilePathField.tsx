// The path of a file, relative to the workflow's folder, with a live "found" mark so a
// typo shows before the run.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Box, Text } from 'ink';
import type { FieldProps } from './field-props.js';
import { FieldFrame } from './FieldFrame.js';
import { LineValue } from './LineValue.js';
import { useLineEditing } from './use-line-editing.js';
import { tint } from '../palette.js';

export interface FilePathFieldProps extends FieldProps<string> {
  baseDir: string;
}

export function FilePathField({ field, value, focused, error, onChange, baseDir }: FilePathFieldProps) {
  const cursor = useLineEditing(focused, value, onChange);
  const path = value.trim();
  const found = path !== '' && isFile(resolve(baseDir, path));
  const kind = field.fileType === 'image' ? 'an image (.png, .jpg, .gif, .webp)' : 'a text file';
  return (
    <FieldFrame field={field} focused={focused} error={error} hint={`the path of ${kind}, relative to the workflow's folder`}>
      <Box>
        <LineValue value={value} cursor={focused ? cursor : undefined} placeholder="(no file)" />
        {path === '' ? null : found ? <Text color={tint('green')}> ✓ found</Text> : <Text color={tint('yellow')}> (no such file yet)</Text>}
      </Box>
    </FieldFrame>
  );
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
