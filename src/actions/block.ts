// What a block action (Loop, Cond) gets to run with. A block has no prompt of its own to
// send: it evaluates its attributes and runs its body, through callbacks from the walk,
// so the action decides when and how often the body runs and the walk keeps the records.
import type { Action, Attribute } from '../compiler/types.js';
import { StepError } from './errors.js';

export type Names = Record<string, unknown>;

export interface BlockContext {
  action: Action;
  /** the helpers of enclosing Loops ($index, $<as>...), as the block's own attributes see them */
  helpers: Names;
  /** one attribute's value in the step's scope, with `extra` names (e.g. this Loop's helpers) on top */
  evaluate(attribute: Attribute, extra?: Names): unknown;
  /**
   * Runs the body once: `provided` are its names, `helpers` its $-helpers (only the ones
   * starting with `$` reach it), `index` numbers the run in the step keys (`#index`).
   * Resolves to the names the body defined.
   */
  runBody(provided: Names, helpers: Names, index: number): Promise<Names>;
  /** iterations done, and the total when known ahead (the step's progress) */
  progress(done: number, total: number | null): void;
  /** adds a result of `bytes` to what the run saves (throws the step's failure when that goes over) */
  count(bytes: number): void;
  /** the byte cap of what the run saves, for measuring a result without walking all of it */
  readonly savedLimit: number;
}

/** Runs a block action; resolves to its result (what its `as` names). */
export type BlockExecutor = (context: BlockContext) => Promise<unknown>;

/** `provide={{ ... }}`: the names a body starts with (none without the attribute). */
export function provideValues(context: BlockContext, extra?: Names): Names {
  const attribute = context.action.attributes.provide;
  if (!attribute) return {};
  const provided = context.evaluate(attribute, extra);
  if (typeof provided !== 'object' || provided === null || Array.isArray(provided)) {
    throw new StepError('`provide` must be an object of names, e.g. provide={{ langs, original: poem }}', attribute.line);
  }
  return { ...(provided as Names) };
}
