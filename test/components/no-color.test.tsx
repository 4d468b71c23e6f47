// NO_COLOR (https://no-color.org): no colour reaches the terminal, while marks, bold and dim
// still tell every state apart. Ink's chalk is at level 0 under the test config
// (FORCE_COLOR=0), so these tests raise it to what a 256-colour terminal gets.
import chalk from 'chalk';
import type { ReactElement } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { colorAllowed, setColorAllowed } from '../../components/palette.js';
import { StepView, type StepViewProps } from '../../components/StepView.js';
import { PhasePanel } from '../../components/PhasePanel.js';
import { Header } from '../../components/Header.js';
import { HelpOverlay } from '../../components/HelpOverlay.js';
import { DiagnosticsBanner } from '../../components/DiagnosticsBanner.js';
import { MessagesView } from '../../components/MessagesView.js';
import { BottomLine } from '../../components/BottomLine.js';
import { RunningMark } from '../../components/RunningMark.js';
import { InputForm } from '../../components/InputForm.js';
import type { InputField } from '../../src/compiler/types.js';
import { mountApp } from '../support/app.js';
import { KEYS, waitForFrame } from '../support/ink.js';
import { colorParameters, styleOf, usesCode, withoutSgr } from '../support/sgr.js';
import { record, withCost } from './fixtures.js';

const level = chalk.level;
beforeAll(() => {
  chalk.level = 2;
});
afterAll(() => {
  chalk.level = level;
});
afterEach(() => setColorAllowed(true));

function frame(element: ReactElement): string {
  const ui = render(element);
  const text = ui.lastFrame()!;
  ui.unmount();
  return text;
}

const step: StepViewProps = { as: 'poem', action: 'GenText', depth: 1, compact: false, selected: false, width: 80, outputLines: 4, scroll: 0, live: false };
const banner = { diagnostics: [{ severity: 'error' as const, message: 'unknown name `nme`', line: 5, column: 8, rule: 'unknown-name' }], text: '---\nmodel: echo\n---\n\nHello {nme}\n' };

/** Every component that has a colour, in the states that show it. */
function everyColoredPart(): string {
  const usage = { inputTokens: 1, outputTokens: 2 };
  return [
    <Header file="poem.mdx" errors={0} status="done" model="echo" usage={usage} activeMs={0} runningSince={null} />,
    <Header file="poem.mdx" errors={2} status="running" model="echo" usage={usage} activeMs={0} runningSince={null} />,
    <PhasePanel phase={0} mark="done" expanded selected showHeader done={1} total={1} />,
    <PhasePanel phase={1} mark="failed" expanded={false} selected={false} showHeader done={0} total={1} />,
    <StepView {...step} selected record={record({ edited: true })} />,
    <StepView {...step} compact record={record({ stale: true })} />,
    <StepView {...step} record={record({ status: 'failed', output: undefined, error: { message: 'the model refused', line: null }, warnings: ['{x} is undefined'] })} />,
    <StepView {...step} compact record={record({ status: 'failed', output: undefined, error: { message: 'the model refused', line: null } })} />,
    <StepView {...step} live record={record({ status: 'running', output: undefined, partial: 'Soft' })} />,
    <RunningMark />,
    <HelpOverlay height={30} />,
    <DiagnosticsBanner {...banner} width={80} />,
    <MessagesView request={{ as: 'poem', action: 'GenText', model: 'echo', messages: [{ role: 'user', content: 'Write a poem.' }], attributes: { options: { temperature: 0 } }, sent: true }} width={60} height={10} scroll={0} />,
    <BottomLine width={80} showing="quit" notice="" onFeedback={() => {}} onApiKey={() => {}} />,
    <BottomLine width={80} showing="notice" notice="saved" onFeedback={() => {}} onApiKey={() => {}} />,
    <BottomLine width={80} showing="feedback" stepName="poem" notice="" onFeedback={() => {}} onApiKey={() => {}} />,
  ]
    .map(frame)
    .join('\n');
}

describe('NO_COLOR', () => {
  it('counts when it is set and not empty', () => {
    expect(colorAllowed({})).toBe(true);
    expect(colorAllowed({ NO_COLOR: '' })).toBe(true);
    expect(colorAllowed({ NO_COLOR: '1' })).toBe(false);
    expect(colorAllowed({ NO_COLOR: '0' })).toBe(false);
  });

  it('every panel, mark and line has its colours by default, and none with NO_COLOR, bold and dim kept', () => {
    const colored = everyColoredPart();
    expect(colorParameters(colored)).toEqual(expect.arrayContaining(['31', '32', '33', '35', '36']));
    setColorAllowed(false);
    const plain = everyColoredPart();
    expect(colorParameters(plain)).toEqual([]);
    expect(usesCode(plain, 1)).toBe(true);
    expect(usesCode(plain, 2)).toBe(true);
    // the same text (the spinner aside, which turns with the clock): only the colour went
    const text = (styled: string) => withoutSgr(styled).replace(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/g, '⠿');
    expect(text(plain)).toBe(text(colored));
  });

  it('without colour, a step\'s marks, labels and selection still show: the selected name bold, the labels plain beside the dim action', () => {
    setColorAllowed(false);
    const edited = frame(<StepView {...step} selected record={record({ edited: true })} />);
    expect(edited).toContain('›');
    expect(styleOf(edited, 'poem')).toEqual({ bold: true, dim: false, color: false });
    expect(styleOf(edited, 'GenText')?.dim).toBe(true);
    expect(styleOf(edited, '(edited)')).toEqual({ bold: false, dim: false, color: false });
    const stale = frame(<StepView {...step} compact record={record({ stale: true })} />);
    expect(withoutSgr(stale)).toBe(withCost('    ~ poem GenText (stale)  Soft paws', 80));
    expect(styleOf(stale, 'poem')?.bold).toBe(false);
    expect(styleOf(stale, 'Soft paws')?.dim).toBe(true);
    const failed = frame(<StepView {...step} compact record={record({ status: 'failed', output: undefined, error: { message: 'the model refused', line: null } })} />);
    // an error's first line is not dimmed like an output's
    expect(styleOf(failed, '✗')).toBeDefined();
    expect(styleOf(failed, 'the model refused')?.dim).toBe(false);
  });

  it('without colour, the form shows the focused field with ❯ and bold, the chosen option with (•) and bold, and an unfocused text box dim', async () => {
    setColorAllowed(false);
    const fields: InputField[] = [
      { name: 'mood', message: 'Mood', type: 'select', options: [{ name: 'warm', value: 'warm' }, { name: 'formal', value: 'formal' }], default: 'warm', required: false, line: 1 },
      { name: 'loud', message: 'Loud', type: 'boolean', default: true, required: false, line: 1 },
      { name: 'notes', message: 'Notes', type: 'text', multiline: true, default: '', required: false, line: 1 },
    ];
    const form = render(<InputForm fields={fields} initial={{}} baseDir={process.cwd()} onSubmit={() => {}} onCancel={() => {}} />);
    let shown = await waitForFrame(form, (text) => text.includes('(•) warm'));
    expect(styleOf(shown, '❯ Mood')?.bold).toBe(true);
    expect(styleOf(shown, '(•) warm')?.bold).toBe(true);
    expect(styleOf(shown, '( ) formal')?.bold).toBe(false);
    expect(styleOf(shown, '(•) yes')?.bold).toBe(true);
    expect(styleOf(shown, '╭')?.dim).toBe(true);
    // each key once the frame shows the one before it
    form.stdin.write(KEYS.right);
    await waitForFrame(form, (text) => text.includes('(•) formal'));
    form.stdin.write(KEYS.tab);
    await waitForFrame(form, (text) => text.includes('❯ Loud'));
    form.stdin.write(KEYS.tab);
    shown = await waitForFrame(form, (text) => styleOf(text, '❯ Notes')?.bold === true);
    expect(styleOf(shown, '( ) warm')?.bold).toBe(false);
    expect(styleOf(shown, '(•) formal')?.bold).toBe(true);
    expect(styleOf(shown, '╭')?.dim).toBe(false);
    expect(colorParameters(form.frames.join(''))).toEqual([]);
    form.unmount();
  });

  it('the whole App through a run, the help and the messages: no colour with NO_COLOR, colour without', async () => {
    const session = async () => {
      const app = mountApp('runtime/conversation.mdx');
      const shows = (text: string) => (frame: string) => withoutSgr(frame).includes(text);
      await app.wait(shows('│ ready │'));
      await app.press('n', (frame) => shows('│ paused │')(frame) && shows('✓ haiku GenText')(frame));
      await app.press('?', shows('rewind to the selected step'));
      await app.press(KEYS.escape, (frame) => !shows('rewind to the selected step')(frame));
      await app.press('m', shows('Sent to echo for `haiku`'));
      const written = app.frames.join('');
      app.unmount();
      return written;
    };
    expect(colorParameters(await session())).toContain('32');
    setColorAllowed(false);
    const plain = await session();
    expect(colorParameters(plain)).toEqual([]);
    expect(usesCode(plain, 1)).toBe(true);
    expect(usesCode(plain, 2)).toBe(true);
    expect(withoutSgr(plain)).toContain('✓ haiku GenText');
    expect(withoutSgr(plain)).toContain('○ rhyme GenText');
  });
});
