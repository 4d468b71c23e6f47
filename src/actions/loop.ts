// <Loop until={...}>: runs its body until `until` holds, at most `max` times (100 when not
// written); its result is the list of each iteration's names (docs/language.md §6).
import { jsonSize } from '../json-size.js';
import { loopMaxProblem } from '../limits.js';
import { provideValues, type BlockContext, type Names } from './block.js';
import { StepError } from './errors.js';

export interface LoopHelpers {
  index: number;
  self: unknown[];
  last: unknown;
}

/** The names a Loop adds for its attributes and body: $index, $self, $last, $ and $<as>. */
export function loopHelpers(helpers: Names, as: string, own: LoopHelpers): Names {
  return {
    ...helpers,
    $index: own.index,
    $self: own.self,
    $last: own.last,
    $: { index: own.index, self: own.self, last: own.last },
    [`$${as}`]: own,
  };
}

export async function runLoop(context: BlockContext): Promise<Names[]> {
  const { action } = context;
  const results: Names[] = [];
  const written = action.attributes.max ? context.evaluate(action.attributes.max) : 100;
  const maxProblem = loopMaxProblem(written);
  if (maxProblem) throw new StepError(maxProblem, action.attributes.max?.line ?? action.line);
  const max = written as number;
  let total: number | null = null;
  for (let index = 0; ; index++) {
    // a Loop without actions never waits: let Ctrl+C and the UI in between iterations
    if (index > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const own: LoopHelpers = { index, self: results.slice(), last: results[index - 1] };
    const helpers = loopHelpers(context.helpers, action.as, own);
    if (context.evaluate(action.attributes.until!, helpers)) break;
    if (index === 0) total = loopTotal(context, max);
    context.progress(index, total);
    if (index >= max) {
      throw new StepError(`Loop \`${action.as}\` reached max=${max} iterations and \`until\` is still false: fix \`until\` or raise max={...}`, action.line);
    }
    const iteration = await context.runBody(provideValues(context, helpers), helpers, index);
    results.push(iteration);
    // the Loop's result is saved too, beside its steps' own records
    context.count(jsonSize(iteration, context.savedLimit) + 1);
  }
  return results;
}

const TOTAL_PROBES = 200;

/**
 * How many iterations a Loop will run, when its `until` depends only on `$index` and
 * names that do not change while it runs (`until={$index === langs.length}`): the first
 * index, within a few hundred, at which `until` holds. Null when it reads the iterations'
 * results ($self, $last) or says nothing ahead; only the progress shown depends on it.
 */
function loopTotal(context: BlockContext, max: number): number | null {
  const { action } = context;
  const until = action.attributes.until;
  if (!until || until.kind !== 'expr' || !/index/.test(until.source) || /self|last/.test(until.source)) return null;
  try {
    for (let index = 1; index <= Math.min(max, TOTAL_PROBES); index++) {
      if (context.evaluate(until, loopHelpers(context.helpers, action.as, { index, self: [], last: undefined }))) return index;
    }
  } catch {
    // an `until` that cannot be read ahead simply shows no total
  }
  return null;
}
