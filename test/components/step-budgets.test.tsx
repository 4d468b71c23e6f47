// Steps get the lines that fit: all of their text while the screen has room, clipped only
// when it is full, the selected step most.
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { PhaseList } from '../../components/PhaseList.js';
import { buildOutline } from '../../components/outline.js';
import type { RunView } from '../../components/run-view.js';
import { stepBudgets } from '../../components/step-budgets.js';
import { compileFixture } from '../support/start-run.js';
import { record } from './fixtures.js';

const workflow = compileFixture('runtime/conversation.mdx');
const lines = (name: string, count: number) => Array.from({ length: count }, (_, i) => `${name} ${i + 1}`).join('\n');

const records = {
  '0.0': record({ key: '0.0', as: 'haiku', prompt: lines('asked', 5), output: lines('haiku line', 6), startedAt: null }),
  '0.1': record({ key: '0.1', stepId: '0.1', as: 'rhyme', prompt: lines('again', 4), output: lines('rhyme line', 7), startedAt: null }),
};

function view(): RunView {
  return { status: 'paused', order: Object.keys(records), records, next: '1.0', usage: { inputTokens: 0, outputTokens: 0 }, streamingTokens: 0, error: null, inputs: {}, partials: {}, activeMs: 0, runningSince: null, history: {}, pending: null };
}

function frame(height: number, selectedId: string) {
  const isExpanded = (phase: number) => phase === 0;
  const items = buildOutline(workflow, records, isExpanded);
  const ui = render(<PhaseList workflow={workflow} view={view()} items={items} selectedId={selectedId} isExpanded={isExpanded} width={60} height={height} scrolls={{}} />);
  const text = ui.lastFrame()!.trimEnd();
  ui.unmount();
  return text.split('\n');
}

describe('the lines each step gets', () => {
  it('with room on the screen, every step shows its whole prompt and output, selected or not', () => {
    const rows = frame(30, 's:0.0');
    // 1 phase row + (1 + 5 + 6) + (1 + 4 + 7) + phase 2's row and step = 27 rows
    expect(rows).toHaveLength(27);
    expect(rows.join('\n')).not.toContain('⋮');
    expect(rows.join('\n')).not.toContain('…');
    expect(rows.slice(13, 25)).toEqual(['    ✓ rhyme GenText', ...lines('again', 4).split('\n').map((l) => `      ${l}`), ...lines('rhyme line', 7).split('\n').map((l) => `      ${l}`)]);
  });

  it('on a full screen the steps are clipped, and the selected one keeps the most', () => {
    const rows = frame(21, 's:0.1');
    const text = rows.join('\n');
    // 22 rows would be needed clipped (phase 2's step falls off the bottom); the selected
    // rhyme shows all 7 lines of its output (its clipped size is half the screen, 10)
    expect(text).toContain(lines('rhyme line', 7).split('\n').map((l) => `      ${l}`).join('\n'));
    // haiku, not selected, shows its tail under a marker
    expect(rows.slice(1, 9)).toEqual(['    ✓ haiku GenText', '      asked 1', '      asked 2', '      asked 3…', '      ⋮ (PgUp for more)', '      haiku line 4', '      haiku line 5', '      haiku line 6']);
  });

  it('hands out what is left to the selected step first, then the running one, then the rest from the top', () => {
    const need = (id: string, output: number, flags: { selected?: boolean; running?: boolean } = {}) => ({ id, prompt: 1, output, fixed: 1, selected: false, running: false, ...flags });
    const budgets = stepBudgets([need('a', 10), need('b', 10, { running: true }), need('c', 30, { selected: true })], 0, 53);
    // clipped: 4 for a, 10 for b (all of it), 26 for c (half the screen); with 3 rows and 3
    // prompts that is 46 of 53: c takes 4 more (all of its 30), a the last 3
    expect(budgets.get('c')).toEqual({ prompt: 1, output: 30 });
    expect(budgets.get('b')).toEqual({ prompt: 1, output: 10 });
    expect(budgets.get('a')).toEqual({ prompt: 1, output: 7 });
  });

  it('on a very short screen the selected step\'s prompt gives way, so the end of its output stays on screen', () => {
    // a 40x10 terminal leaves the list 6 rows: haiku's row, 3 prompt lines and 3 output rows did not fit
    const rows = frame(6, 's:0.0');
    expect(rows).toEqual(['  ▾ ✓ Phase 1  2/2 actions', '›   ✓ haiku GenText', '      asked 1…', '      ⋮ (PgUp for more)', '      haiku line 5', '      haiku line 6']);
  });
});
