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
  let spare = height - used;
  if (spare <= 0) return budgets;
  const order = [...needs.filter((need) => need.selected), ...needs.filter((need) => need.running && !need.selected), ...needs.filter((need) => !need.selected && !need.running)];
  for (const part of ['output', 'prompt'] as const) {
    for (const need of order) {
      if (spare <= 0) return budgets;
      const budget = budgets.get(need.id)!;
      const grow = Math.min(spare, need[part] - budget[part]);
      if (grow > 0) {
        budget[part] += grow;
        spare -= grow;
      }
    }
  }
  return budgets;
}
