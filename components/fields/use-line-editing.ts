// Typing into a text value with a cursor (the keys are in line-edit.ts). The value belongs
// to the caller; the cursor is kept here. When the value changes from outside (the
// editor, a reset), the cursor goes to its end.
import { useState } from 'react';
import type { Key } from 'ink';
import { useCurrentInput } from '../hooks/useCurrentInput.js';
import { editLine, type EditOptions } from './line-edit.js';

export { isEnter } from './line-edit.js';

export interface LineEditingOptions extends EditOptions {
  /** ↑ on a box's first line or ↓ on its last: the key leaves the box */
  onLeave?: (direction: -1 | 1) => void;
}

export function useLineEditing(focused: boolean, value: string, onChange: (update: (previous: string) => string) => void, options: LineEditingOptions = {}): number {
  // the cursor, for the value it was placed in
  const [mark, setMark] = useState({ value, cursor: value.length });
  const cursor = mark.value === value ? Math.min(mark.cursor, value.length) : value.length;
  useCurrentInput(
    (input: string, key: Key) => {
      const next = editLine({ value, cursor }, input, key, options);
      if (!next) {
        if (options.multiline && (key.upArrow || key.downArrow)) options.onLeave?.(key.upArrow ? -1 : 1);
        return;
      }
      // The keyboard hands out a key only after the one before is drawn, so `value` is current.
      if (next.value !== value) onChange(() => next.value);
      setMark(next);
    },
    { isActive: focused },
  );
  return cursor;
}
