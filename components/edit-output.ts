// `e`: an output as editable text (objects as pretty JSON) and the edited text back as a
// value (JSON parsed again for objects, with a message that says how to fix bad JSON).
import { outputText } from './format.js';

export function editableText(output: unknown): { text: string; extension: string } {
  return typeof output === 'string' ? { text: output, extension: '.md' } : { text: outputText(output), extension: '.json' };
}

export function editedValue(original: unknown, before: string, after: string): { value: unknown } | { error: string } {
  if (typeof original === 'string') {
    // editors add a final newline; keep the output's own ending
    const text = !before.endsWith('\n') && after.endsWith('\n') ? after.replace(/\r?\n$/, '') : after;
    return { value: text };
  }
  try {
    return { value: JSON.parse(after) };
  } catch (error) {
    return { error: `the edit is not valid JSON (${(error as Error).message}): press e to edit it again; the output is unchanged` };
  }
}
