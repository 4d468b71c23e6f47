// HistoryView (h) and DiffView (d) on hand-made versions.
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { HistoryView, clockTime, versionReason } from '../../components/HistoryView.js';
import { DiffView, diffScrollLimit, type DiffSubject } from '../../components/DiffView.js';
import { keyHints } from '../../components/KeyHints.js';
import type { StepVersion } from '../../src/runtime/types.js';

function frame(element: React.ReactElement) {
  const ui = render(element);
  const text = ui.lastFrame()!.trimEnd();
  ui.unmount();
  return text;
}

const AT = new Date(2025, 0, 2, 9, 5, 7).getTime();

function version(overrides: Partial<StepVersion>): StepVersion {
  return {
    id: 1,
    why: 'generated',
    output: 'Soft paws\nin the night',
    at: AT,
    model: 'echo',
    usage: { inputTokens: 5, outputTokens: 4 },
    fingerprint: 'f',
    prompt: 'Write a poem about cats.',
    messages: [],
    attempts: [],
    edited: false,
    startedAt: AT,
    endedAt: AT,
    ...overrides,
  };
}

describe('HistoryView', () => {
  it('one row per version: selection, current mark, id, time, why, model, tokens and the first line', () => {
    const versions = [
      version({ id: 4, why: 'restored', from: 2, output: 'Quiet paws' }),
      version({ id: 3, why: 'edited', from: 2, output: 'Quiet paws', edited: true }),
      version({ id: 2, why: 'feedback', feedback: 'shorter please', output: '\nLoud paws', usage: { inputTokens: 12, outputTokens: 3 } }),
      version({ id: 1, dropped: true }),
    ];
    expect(frame(<HistoryView name="poem" versions={versions} current={4} selected={2} width={80} height={10} />).split('\n')).toEqual([
      'History of poem: 4 versions, newest first (● current)',
      '  ● #4  09:05:07  restored #2                echo            –  Quiet paws',
      '    #3  09:05:07  edited                     echo            –  Quiet paws',
      '›   #2  09:05:07  feedback "shorter please"  echo  12 in 3 out  Loud paws',
      '    #1  09:05:07  generated, dropped         echo   5 in 4 out  Soft paws',
    ]);
  });

  it('a cancelled version shows its partial text; long rows are clipped to the width', () => {
    const versions = [version({ id: 2, why: 'cancelled', output: undefined, partial: 'Half a po', usage: { inputTokens: 0, outputTokens: 0 } }), version({ id: 1, output: 'x'.repeat(200) })];
    const lines = frame(<HistoryView name="poem" versions={versions} current={1} selected={0} width={60} height={10} />).split('\n');
    expect(lines[1]).toBe('›   #2  09:05:07  cancelled  echo  0 in 0 out  Half a po');
    expect(lines[2]).toBe(`  ● #1  09:05:07  generated  echo  5 in 4 out  ${'x'.repeat(12)}…`);
  });

  it('keeps the selected row on screen in a long history', () => {
    const versions = Array.from({ length: 12 }, (_, index) => version({ id: 12 - index, output: `v${12 - index}` }));
    const lines = frame(<HistoryView name="poem" versions={versions} current={12} selected={10} width={80} height={5} />).split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('›    #2  09:05:07  generated  echo  5 in 4 out  v2');
  });

  it('names the reason plainly', () => {
    expect(versionReason(version({ why: 'feedback', feedback: 'x'.repeat(40) }))).toBe(`feedback "${'x'.repeat(29)}…"`);
    expect(versionReason(version({ why: 'cancelled', feedback: 'Shorter still.' }))).toBe('cancelled feedback "Shorter still."');
    expect(versionReason(version({ why: 'cancelled' }))).toBe('cancelled');
    expect(clockTime(AT)).toBe('09:05:07');
  });
});

describe('DiffView', () => {
  const long: DiffSubject = {
    title: 'Output of poem',
    beforeName: '#1',
    afterName: '#2 (current)',
    before: Array.from({ length: 12 }, (_, index) => `line ${index} old`).join('\n'),
    after: Array.from({ length: 12 }, (_, index) => `line ${index} ${index === 9 ? 'new' : 'old'}`).join('\n'),
    same: 'the same words',
  };

  it('shows the marked lines under a legend, scrolled from the top', () => {
    const lines = frame(<DiffView subject={long} width={60} height={5} scroll={0} />).split('\n');
    expect(lines).toEqual(['Output of poem: [-#1-] {+#2 (current)+} (lines 1–4 of 12)', 'line 0 old', 'line 1 old', 'line 2 old', 'line 3 old']);
    expect(diffScrollLimit(long, 60, 5)).toBe(8);
    const scrolled = frame(<DiffView subject={long} width={60} height={5} scroll={8} />).split('\n');
    expect(scrolled).toEqual(['Output of poem: [-#1-] {+#2 (current)+} (lines 9–12 of 12)', 'line 8 old', 'line 9 [-old-]{+new+}', 'line 10 old', 'line 11 old']);
  });

  it('says so when the words are the same', () => {
    expect(frame(<DiffView subject={{ ...long, after: long.before }} width={80} height={3} scroll={0} />).split('\n')[0]).toBe('Output of poem: [-#1-] {+#2 (current)+} — the same words (lines 1–2 of 12)');
  });
});

describe('the footer', () => {
  it('offers h on a step with a history and d on a stale step', () => {
    const paused = { status: 'paused' as const, hasResult: true, hasInputs: false };
    expect(keyHints(paused, 300)).not.toContain('h history');
    expect(keyHints({ ...paused, hasHistory: true }, 300)).toContain('h history');
    expect(keyHints({ ...paused, hasHistory: true }, 300)).not.toContain('d diff');
    expect(keyHints({ ...paused, stale: true }, 300)).toContain('d diff');
  });
});
