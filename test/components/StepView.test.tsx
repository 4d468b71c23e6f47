import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { StepView, stepHeight, type StepViewProps } from '../../components/StepView.js';
import { record, withCost } from './fixtures.js';

const base: StepViewProps = { as: 'poem', action: 'GenText', depth: 1, compact: false, selected: false, width: 60, outputLines: 4, scroll: 0, live: false };

function frame(props: Partial<StepViewProps>) {
  const ui = render(<StepView {...base} {...props} />);
  const text = ui.lastFrame();
  ui.unmount();
  return text;
}

describe('StepView', () => {
  it('shows the prompt and the output under the header', () => {
    expect(frame({ record: record() })).toBe([withCost('    ✓ poem GenText', 60), '      Write a poem about cats.', '      Soft paws', '      in the night'].join('\n'));
  });

  it('wraps a Japanese prompt and output by columns, so each line stays inside the panel (24 columns: 12 wide characters)', () => {
    const japanese = record({ prompt: '初雪についての短い詩を書いてください。詩だけを返してください。', output: '白い雪が静かに降る朝、街はまだ眠っている。' });
    expect(frame({ record: japanese, width: 30 })).toBe(
      ['    ✓ poem GenText', '      初雪についての短い詩を書', '      いてください。詩だけを返', '      してください。', '      白い雪が静かに降る朝、街', '      はまだ眠っている。'].join('\n'),
    );
  });

  it('compact: one line with the first line of the output', () => {
    expect(frame({ record: record(), compact: true, selected: true })).toBe(withCost('›   ✓ poem GenText  Soft paws', 60));
  });

  it('objects as pretty JSON; an edit is marked', () => {
    expect(frame({ record: record({ output: { title: 'Cats' }, edited: true }) })).toBe([withCost('    ✓ poem GenText (edited)', 60), '      Write a poem about cats.', '      {', '        "title": "Cats"', '      }'].join('\n'));
  });

  it('a stale result is marked', () => {
    expect(frame({ record: record({ stale: true }), compact: true })).toBe(withCost('    ~ poem GenText (stale)  Soft paws', 60));
  });

  it('an error in red with its message and line, warnings in yellow', () => {
    const failed = record({ status: 'failed', output: undefined, error: { message: 'OPENAI_API_KEY is not set: run `stepwise config set openai.apiKey sk-...`', line: 7 }, warnings: ['{x} at line 3 is undefined: rendered as empty text'] });
    expect(frame({ record: failed })).toBe(
      [withCost('    ✗ poem GenText', 60), '      Write a poem about cats.', '      ✗ OPENAI_API_KEY is not set: run `stepwise config set', '      openai.apiKey sk-...` (line 7)', '      ! {x} at line 3 is undefined: rendered as empty text'].join('\n'),
    );
  });

  it('a long output shows its tail, and PgUp scroll shows earlier lines', () => {
    const long = record({ output: Array.from({ length: 10 }, (_, i) => `line ${i + 1}`).join('\n'), prompt: '' });
    expect(frame({ record: long })).toBe([withCost('    ✓ poem GenText', 60), '      ⋮ (PgUp for more)', '      line 8', '      line 9', '      line 10'].join('\n'));
    expect(frame({ record: long, scroll: 3 })).toBe([withCost('    ✓ poem GenText', 60), '      ⋮ (PgUp for more)', '      line 5', '      line 6', '      ⋮ (PgDn for more)'].join('\n'));
    expect(stepHeight({ ...base, record: long })).toBe(5);
  });

  it('while streaming shows the partial text; GenObject shows the partial object', () => {
    expect(frame({ record: record({ status: 'running', output: undefined, partial: 'Soft' }), compact: true })).toBe('    ○ poem GenText  Soft');
    expect(frame({ record: record({ status: 'running', output: undefined, partial: '' }), partial: { title: 'Ca' }, live: true })!.split('\n').slice(1)).toEqual(['      Write a poem about cats.', '      {', '        "title": "Ca"', '      }']);
  });

  it('a pending step is just its header', () => {
    expect(frame({})).toBe('    ○ poem GenText');
  });
});
