// <Cond if={...}>: runs its body once when `if` holds; its result is the body's names, or
// null when it was skipped (docs/language.md §7).
import { provideValues, type BlockContext, type Names } from './block.js';

export async function runCond(context: BlockContext): Promise<Names | null> {
  if (!context.evaluate(context.action.attributes.if!)) return null;
  return context.runBody(provideValues(context), context.helpers, 0);
}
