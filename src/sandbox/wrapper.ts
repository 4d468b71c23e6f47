// Turns one expression into the source of a function whose parameters are the scope's
// names, so QuickJS compiles it once and each evaluation is a plain function call.

/** Deeper bracket nesting than this is refused before QuickJS parses it: its parser
 * recurses per level and could exhaust the host's stack before its own check fires. */
export const MAX_NESTING = 200;

/** The parameter of the outer function that hands the prelude's helpers to the wrapper. */
export const HELPERS = '__stepwise';

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends ' +
    'false finally for function if import in instanceof new null return super switch this throw ' +
    'true try typeof var void while with yield let static implements interface package private ' +
    'protected public await arguments eval'
  ).split(' '),
);

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

/** Whether a scope name can be a parameter (others cannot be referenced anyway). */
export function isUsableName(name: string): boolean {
  return name !== '$' && !name.startsWith(HELPERS) && IDENTIFIER.test(name) && !RESERVED.has(name);
}

export interface WrapperPlan {
  /** scope names passed as parameters, in order */
  names: string[];
  /** keys of the scope's `$` object, each passed as its own parameter */
  dollarKeys: string[];
}

/**
 * `inner` is the exact text of the function the expression compiles to; comparing it with
 * what QuickJS reports back proves the source did not close the wrapper early.
 */
export function buildWrapper(source: string, plan: WrapperPlan): { outer: string; inner: string } {
  const dollarParams = plan.dollarKeys.map((_, i) => `${HELPERS}$${i}`);
  const params = [...plan.names, ...dollarParams].join(', ');
  const dollar =
    plan.dollarKeys.length === 0
      ? `${HELPERS}.plainDollar`
      : // computed keys, so a key named __proto__ stays an ordinary property
        `${HELPERS}.dollar({ ${plan.dollarKeys.map((key, i) => `[${JSON.stringify(key)}]: ${dollarParams[i]}`).join(', ')} })`;
  // the newlines keep a trailing `// comment` in the source from eating the wrapper
  const inner = `function (${params}) { const $ = ${dollar}; return (\n${source}\n); }`;
  return { outer: `(function (${HELPERS}) { return ${inner}; })`, inner };
}

/** The deepest nesting of (), [] and {} in the source, counted loosely (strings too). */
export function nestingDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) deepest = Math.max(deepest, ++depth);
    else if (c === 41 || c === 93 || c === 125) depth--;
  }
  return deepest;
}
