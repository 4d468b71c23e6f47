/** A workflow of `phases` phases, two GenText actions each, expressions in every step; `salt` makes every phase's text new. */
export function generateWorkflow(phases: number, options?: { salt?: string }): string;
/** A workflow of `phases` phases of two echo steps whose outputs are about `bytesPerStep` bytes each. */
export function generateRunWorkflow(phases: number, options?: { bytesPerStep?: number }): string;
