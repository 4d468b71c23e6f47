// Checks an action's `as` name: a plain JavaScript identifier the author's
// expressions can read, and not one of the `$` helper names.
import type { CompileContext } from './context.js';
import { PROTO_PROBLEM } from './frontmatter-rules.js';
import { columnOf, lineOf, type MdAttribute, type MdNode } from './nodes.js';

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if import in instanceof new null return super switch this throw true try typeof var void while with ' +
    'yield let static implements interface package private protected public await arguments eval'
  ).split(' '),
);

const IDENTIFIER = /^[\p{ID_Start}_$][\p{ID_Continue}$\u200c\u200d]*$/u;

/** The valid `as` name of an action, or null after reporting why it is missing or invalid. */
export function checkAsName(
  element: MdNode,
  action: string,
  as: string | null,
  attribute: MdAttribute | null,
  context: CompileContext,
): string | null {
  if (!attribute) {
    context.error(
      'missing-as',
      `<${action}> needs an \`as\` attribute naming its result, e.g. <${action} as="result" ... />`,
      lineOf(element),
      columnOf(element),
    );
    return null;
  }
  const line = lineOf(attribute);
  const column = columnOf(attribute);
  if (as === null) {
    context.error('invalid-as', '`as` must be a plain string naming the result: write as="result"', line, column);
    return null;
  }
  if (!IDENTIFIER.test(as)) {
    const fixed = as.replace(/[^\p{ID_Continue}$]+(.)?/gu, (_, next: string | undefined) => (next ? next.toUpperCase() : ''));
    const suggestion = IDENTIFIER.test(fixed) && !fixed.startsWith('$') ? fixed : 'result';
    context.error(
      'invalid-as',
      `as="${as}" is not a valid name: use letters, digits and _ (not starting with a digit), e.g. as="${suggestion}"`,
      line,
      column,
    );
    return null;
  }
  if (as.startsWith('$')) {
    context.error(
      'invalid-as',
      `as="${as}": names starting with \`$\` are reserved for helpers; write as="${as.replace(/^\$+/, '') || 'result'}"`,
      line,
      column,
    );
    return null;
  }
  if (as === '__proto__') {
    context.error('invalid-as', `as="${as}" ${PROTO_PROBLEM}`, line, column);
    return null;
  }
  if (RESERVED.has(as)) {
    context.error('invalid-as', `as="${as}" is a reserved word in JavaScript; pick another name, e.g. as="${as}Result"`, line, column);
    return null;
  }
  return as;
}
