// The block actions by name: the walk runs a step whose action is of kind `block` with these.
import type { BlockExecutor } from './block.js';
import { runCond } from './cond.js';
import { runLoop } from './loop.js';

export const BLOCK_EXECUTORS: ReadonlyMap<string, BlockExecutor> = new Map<string, BlockExecutor>([
  ['Loop', runLoop],
  ['Cond', runCond],
]);
