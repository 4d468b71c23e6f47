// A step key names one executed step instance: the step's local id (`phase.step`) in each
// scope from the top down, with `#iteration` after each enclosing block step. `1.0` is
// step 0 of phase 1; `1.0#2/0.1` is step 1 of phase 0 in the third iteration of that Loop
// (a Cond's body is iteration 0). Keys are built, parsed and compared here only; everywhere
// else a key is an opaque string (a record's name in the run's state).

/** One scope's part of a key: the step's local id, its phase and index, and the iteration of its body the key goes into. */
export interface StepKeyPart {
  local: string;
  phase: number;
  step: number;
  /** null on the last part of a step's key */
  iteration: number | null;
}

const PART = /^(\d+)\.(\d+)(?:#(\d+))?$/;

/** A compiled step's id within its scope: `1.0/0.1` -> `0.1`. */
export function localStepId(step: { id: string }): string {
  return step.id.slice(step.id.lastIndexOf('/') + 1);
}

/** The key of `step` in the scope whose keys start with `scope` ('' at the top, else a bodyScope). */
export function stepKey(scope: string, step: { id: string }): string {
  const local = localStepId(step);
  return scope ? `${scope}/${local}` : local;
}

/** The scope of block step `block`'s body in iteration `iteration`: `1.0`, 2 -> `1.0#2`. */
export function bodyScope(block: string, iteration: number): string {
  return `${block}#${iteration}`;
}

/**
 * The parts of a key from the top scope down, or null when `key` is not a step key.
 * A key that ends in `#n` names iteration n of a block step (its last part has an iteration).
 */
export function parseStepKey(key: string): StepKeyPart[] | null {
  const parts: StepKeyPart[] = [];
  const pieces = key.split('/');
  for (const [index, piece] of pieces.entries()) {
    const match = PART.exec(piece);
    if (!match) return null;
    const iteration = match[3] === undefined ? null : Number(match[3]);
    // only the last part may go without an iteration: a scope inside a block names one
    if (iteration === null && index < pieces.length - 1) return null;
    parts.push({ local: `${match[1]}.${match[2]}`, phase: Number(match[1]), step: Number(match[2]), iteration });
  }
  return parts;
}

/** The top-level phase a key belongs to: `1.0#2/0.1` -> 1; null when it is not a step key. */
export function topPhase(key: string | null | undefined): number | null {
  if (!key) return null;
  return parseStepKey(key)?.[0]?.phase ?? null;
}

/** The block step whose body holds `key`, and the iteration: `1.0#2/0.1` -> `1.0`, 2; null at the top. */
export function enclosingBlock(key: string): { block: string; iteration: number } | null {
  const slash = key.lastIndexOf('/');
  if (slash < 0) return null;
  const scope = key.slice(0, slash);
  const hash = scope.lastIndexOf('#');
  if (hash < 0) return null;
  return { block: scope.slice(0, hash), iteration: Number(scope.slice(hash + 1)) };
}

/** `key`, then the block steps around it, innermost first: `1.0#2/0.1#0/0.0` -> that, `1.0#2/0.1`, `1.0`. */
export function keyAndBlocks(key: string): string[] {
  const keys = [key];
  for (let block = enclosingBlock(key); block; block = enclosingBlock(block.block)) keys.push(block.block);
  return keys;
}

/** Whether `key` lies in iteration `iteration` of block step `block`, at any depth. */
export function isInBody(key: string, block: string, iteration: number): boolean {
  return key.startsWith(`${bodyScope(block, iteration)}/`);
}
