// How many lines each expanded step's prompt and output get. While everything fits, every
// step shows all of its text; only when the screen is full are steps clipped, each to a
// few lines (the selected or running one to half the screen). Room left over after that
// goes to the selected step first, then the running one, then the others from the top.

export interface StepNeed {
  id: string;
  /** lines the whole prompt and the whole output take (each counted up to the screen's height) */
  prompt: number;
  output: number;
  /** lines that are always shown: the step's row, its error and warnings */
  fixed: number;
  selected: boolean;
  running: boolean;
}

export interface Budget {
  prompt: number;
  output: number;
}

/** Lines of a prompt shown when the screen is full. */
export const PROMPT_LINES = 3;

/** Lines of output shown when the screen is full: more for the selected or running step. */
export function clippedOutputLines(height: number, focused: boolean): number {
  return focused ? Math.max(3, Math.floor(height / 2)) : Math.min(4, Math.max(1, height - 2));
}

/**
 * Budgets for the steps, given every item's lines: `needs` for the expanded steps and
 * `otherLines` for everything else on the list (phase rows, compact steps, iterations).
 */
export function stepBudgets(needs: StepNeed[], otherLines: number, height: number): Map<string, Budget> {
  const budgets = new Map<string, Budget>();
  let used = otherLines;
  for (const need of needs) {
    const budget = {
      prompt: Math.min(need.prompt, PROMPT_LINES),
      output: Math.min(need.output, clippedOutputLines(height, need.selected || need.running)),
    };
    budgets.set(need.id, budget);
    used += need.fixed + budget.prompt + budget.output;
  }
  shareSpare(needs, budgets, height - used);
  fitFocused(needs, budgets, height);
  return budgets;
}

/** Room left over goes to the selected step first, then the running one, then the others from the top. */
function shareSpare(needs: StepNeed[], budgets: Map<string, Budget>, spare: number): void {
  if (spare <= 0) return;
  const order = [...needs.filter((need) => need.selected), ...needs.filter((need) => need.running && !need.selected), ...needs.filter((need) => !need.selected && !need.running)];
  for (const part of ['output', 'prompt'] as const) {
    for (const need of order) {
      if (spare <= 0) return;
      const budget = budgets.get(need.id)!;
      const grow = Math.min(spare, need[part] - budget[part]);
      if (grow > 0) {
        budget[part] += grow;
        spare -= grow;
      }
    }
  }
}

/**
 * On a very short screen a selected or running step taller than the list would lose its
 * output below the edge (at 40x10 only its prompt showed): its prompt gives way first, down
 * to one line, then to none, so the output being read or streamed stays on screen.
 */
function fitFocused(needs: StepNeed[], budgets: Map<string, Budget>, height: number): void {
  // one row stays for the phase's own row above the step
  const room = Math.max(1, height - 1);
  for (const need of needs) {
    if (!need.selected && !need.running) continue;
    const budget = budgets.get(need.id)!;
    let over = need.fixed + budget.prompt + budget.output - room;
    for (const floor of [1, 0]) {
      const take = Math.max(0, Math.min(over, budget.prompt - floor));
      budget.prompt -= take;
      over -= take;
    }
    if (over > 0) budget.output = Math.max(1, budget.output - over);
  }
}
