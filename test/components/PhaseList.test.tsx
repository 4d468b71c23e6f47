import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { PhaseList } from '../../components/PhaseList.js';
import { buildOutline } from '../../components/outline.js';
import type { RunView } from '../../components/run-view.js';
import { compileFixture } from '../support/start-run.js';
import { record, withCost } from './fixtures.js';

const workflow = compileFixture('runtime/translate.mdx');

function view(records: RunView['records'], status: RunView['status'] = 'paused'): RunView {
  return { status, order: Object.keys(records), records, next: null, usage: { inputTokens: 0, outputTokens: 0 }, streamingTokens: 0, error: null, inputs: {}, partials: {}, activeMs: 0, runningSince: null, history: {}, pending: null };
}

const records = {
  '0.0': record({ key: '0.0', as: 'poem', output: 'Cats', prompt: 'Write a poem about cats.' }),
  '0.1': record({ key: '0.1', stepId: '0.1', action: 'Loop', as: 'translations', output: [{ poem: 'Chats' }], prompt: '' }),
  '0.1#0/0.0': record({ key: '0.1#0/0.0', stepId: '0.1/0.0', as: 'poem', output: 'Chats', prompt: 'Translate this poem to French (1 of 2):' }),
};

function frame(expanded: boolean, selectedId: string | null = null, height = 20) {
  const isExpanded = () => expanded;
  const items = buildOutline(workflow, records, isExpanded);
  const ui = render(<PhaseList workflow={workflow} view={view(records)} items={items} selectedId={selectedId} isExpanded={isExpanded} width={60} height={height} scrolls={{}} />);
  const text = ui.lastFrame()!.trimEnd();
  ui.unmount();
  return text;
}

describe('PhasePanel in the PhaseList', () => {
  it('collapsed: a header with its mark and one line per top-level action', () => {
    expect(frame(false, 'p:0')).toBe(
      ['› ▸ ✓ Phase 1  2/2 actions', withCost('    ✓ poem GenText  Cats', 60), '    ✓ translations Loop  1 iteration', '  ▸ ○ Phase 2  0/1 action', '    ○ all GenText'].join('\n'),
    );
  });

  it('expanded: prompts, outputs, and loop iterations nested under their block', () => {
    expect(frame(true, 's:0.1#0/0.0')).toBe(
      [
        '  ▾ ✓ Phase 1  2/2 actions',
        withCost('    ✓ poem GenText', 60),
        '      Write a poem about cats.',
        '      Cats',
        '    ✓ translations Loop  1 iteration',
        '      iteration 1',
        withCost('›       ✓ poem GenText', 60),
        '          Translate this poem to French (1 of 2):',
        '          Chats',
        '  ▾ ○ Phase 2  0/1 action',
        '    ○ all GenText',
      ].join('\n'),
    );
  });

  it('a running Loop that knows its count says it on each iteration: its own row scrolls off in a long loop', () => {
    const running = {
      ...records,
      '0.1': record({ key: '0.1', stepId: '0.1', action: 'Loop', as: 'translations', status: 'running', output: undefined, progress: { done: 1, total: 2 }, prompt: '' }),
      '0.1#1/0.0': record({ key: '0.1#1/0.0', stepId: '0.1/0.0', as: 'poem', status: 'running', output: undefined, partial: 'Gatos', prompt: 'Translate this poem to Spanish (2 of 2):' }),
    };
    const items = buildOutline(workflow, running, () => true);
    const ui = render(<PhaseList workflow={workflow} view={view(running, 'running')} items={items} selectedId={null} isExpanded={() => true} width={60} height={20} scrolls={{}} />);
    const rows = ui.lastFrame()!.split('\n').map((row) => row.trimEnd());
    ui.unmount();
    expect(rows).toContain('      iteration 1 of 2');
    expect(rows).toContain('      iteration 2 of 2');
  });

  it('a phase whose steps are all done is ✓, a stale one ~, a failed one ✗', () => {
    const phase2 = { '1.0': record({ key: '1.0', stepId: '1.0', phase: 1, as: 'all', output: 'x' }) };
    const render2 = (extra: Partial<typeof records['0.0']>) => {
      const all = { ...records, '1.0': { ...phase2['1.0'], ...extra } };
      const items = buildOutline(workflow, all, () => false);
      const ui = render(<PhaseList workflow={workflow} view={view(all)} items={items} selectedId={null} isExpanded={() => false} width={60} height={20} scrolls={{}} />);
      const line = ui.lastFrame()!.split('\n')[3];
      ui.unmount();
      return line;
    };
    expect(render2({})).toBe('  ▸ ✓ Phase 2  1/1 action');
    expect(render2({ stale: true })).toBe('  ▸ ~ Phase 2  1/1 action');
    expect(render2({ status: 'failed', error: { message: 'boom', line: null } })).toBe('  ▸ ✗ Phase 2  0/1 action');
  });

  it('renders only the window that fits, keeping the selection visible', () => {
    const text = frame(true, 'p:1', 4);
    // the nested poem fills the rows above the selected header; `all` waits below
    expect(text.split('\n')).toEqual([withCost('        ✓ poem GenText', 60), '          Translate this poem to French (1 of 2):', '          Chats', '› ▾ ○ Phase 2  0/1 action']);
  });
});
