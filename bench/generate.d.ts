/** A workflow of `phases` phases, two GenText actions each, expressions in every step. */
export function generateWorkflow(phases: number): string;
