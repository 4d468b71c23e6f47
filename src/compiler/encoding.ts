// A file saved in another encoding (Windows-1252, Latin-1) is read as UTF-8 all the same,
// and every byte UTF-8 cannot read becomes U+FFFD `�`: say so once, where the first one is,
// instead of sending `R�sum�` to the model without a word.
import type { Diagnostic } from './types.js';

const REPLACEMENT = '\uFFFD';

export function notUtf8(text: string): Diagnostic | null {
  const at = text.indexOf(REPLACEMENT);
  if (at === -1) return null;
  const lineStart = text.lastIndexOf('\n', at) + 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return { severity: 'warning', rule: 'not-utf8', line, column: at - lineStart + 1,
    message: 'this file is not UTF-8: a byte here (and any like it) cannot be read and reaches the model as `�`; save the file as UTF-8 in your editor' };
}
