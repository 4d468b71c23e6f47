// Header, KeyHints, HelpOverlay, DiagnosticsBanner, MessagesView, StreamingText.
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { Header } from '../../components/Header.js';
import { KeyHints, keyHints, MODAL_HINTS } from '../../components/KeyHints.js';
import { HelpOverlay } from '../../components/HelpOverlay.js';
import { screenAction } from '../../components/screen-keys.js';
import { DiagnosticsBanner, bannerHeight } from '../../components/DiagnosticsBanner.js';
import { MessagesView } from '../../components/MessagesView.js';
import type { ShownRequest } from '../../components/shown-request.js';
import { StreamingText } from '../../components/StreamingText.js';
import { textWindow } from '../../components/text-window.js';
import { record } from './fixtures.js';

function frame(element: React.ReactElement) {
  const ui = render(element);
  const text = ui.lastFrame()!.trimEnd();
  ui.unmount();
  return text;
}

describe('Header', () => {
  it('file, compile status, run state, model, tokens and elapsed time', () => {
    expect(frame(<Header file="/a/b/poem.mdx" errors={0} status="paused" model="echo" usage={{ inputTokens: 12, outputTokens: 34 }} activeMs={65_000} runningSince={null} />)).toBe(
      'poem.mdx │ ok │ paused │ echo │ 12 in + 34 out tokens │ 1:05',
    );
    expect(frame(<Header file="poem.mdx" errors={2} status={null} model="openai:gpt-4o" usage={{ inputTokens: 0, outputTokens: 0 }} activeMs={0} runningSince={null} />)).toBe(
      'poem.mdx │ 2 errors │ ready │ openai:gpt-4o │ 0 in + 0 out tokens │ 0:00',
    );
  });

  it('keeps the run state, tokens and time on a 60 or 40 column screen: the model, the long notes and then the name give way', () => {
    const props = { file: 'long.mdx', title: 'Long outputs', errors: 0, status: 'running' as const, model: 'openai:gpt-4o-mini', usage: { inputTokens: 2103, outputTokens: 2103 }, streamingTokens: 9, activeMs: 65_000, runningSince: null };
    // these were cut at the edge: 'long.mdx │ ok │ running │ openai:gpt-4o-mini │ 2103 in + ~2112 out tokens │ 1…'
    expect(frame(<Header {...props} width={60} />)).toBe('long.mdx │ ok │ running │ 2103+~2112 tok │ 1:05');
    expect(frame(<Header {...props} width={60} fileState="deleted" />)).toBe('long.mdx · deleted │ ok │ running │ 2103+~2112 tok │ 1:05');
    expect(frame(<Header {...props} width={40} />)).toBe('long… │ ok │ running │ 2103+~2112 │ 1:05');
  });

  it("shows the workflow's title beside the file name, and gives it up first on a narrow screen", () => {
    const props = { file: 'poem.mdx', title: 'A poem and its translation', errors: 0, status: 'paused' as const, model: 'echo', usage: { inputTokens: 1, outputTokens: 2 }, activeMs: 0, runningSince: null };
    expect(frame(<Header {...props} width={100} />)).toBe('poem.mdx — A poem and its translation │ ok │ paused │ echo │ 1 in + 2 out tokens │ 0:00');
    expect(frame(<Header {...props} width={70} />)).toBe('poem.mdx — A poem a… │ ok │ paused │ echo │ 1 in + 2 out tokens │ 0:00');
    // then the tokens are written short, so the line still fits
    expect(frame(<Header {...props} width={50} />)).toBe('poem.mdx │ ok │ paused │ echo │ 1+2 tok │ 0:00');
    // a title that is only the file's name is not repeated
    expect(frame(<Header {...props} title="poem" width={100} />)).toBe('poem.mdx │ ok │ paused │ echo │ 1 in + 2 out tokens │ 0:00');
  });

  it('says pausing while the run finishes its current action after Space', () => {
    expect(frame(<Header file="poem.mdx" errors={0} status="running" pausing model="echo" usage={{ inputTokens: 0, outputTokens: 0 }} activeMs={0} runningSince={null} />)).toBe(
      'poem.mdx │ ok │ pausing │ echo │ 0 in + 0 out tokens │ 0:00',
    );
  });

  it('counts the tokens of a generation while it streams, marked as an estimate', () => {
    expect(frame(<Header file="poem.mdx" errors={0} status="running" model="echo" usage={{ inputTokens: 12, outputTokens: 34 }} streamingTokens={5} activeMs={0} runningSince={null} />)).toBe(
      'poem.mdx │ ok │ running │ echo │ 12 in + ~39 out tokens │ 0:00',
    );
  });
});

describe('KeyHints', () => {
  it('shows the commands that apply, always ending with help and quit', () => {
    const ready = { status: 'ready' as const, hasResult: false, hasInputs: false };
    expect(frame(<KeyHints context={ready} width={100} />)).toBe('n/Enter next  p phase  c continue  ↑/↓ select  →/← expand  o all  PgUp/PgDn scroll  ? help  q quit');
    const running = { status: 'running' as const, hasResult: false, hasInputs: true };
    expect(keyHints(running, 100)).toEqual(['Space pause', 'Esc cancel', '↑/↓ select', '→/← expand', 'o all', 'PgUp/PgDn scroll', 'i inputs', '? help', 'q quit']);
    expect(keyHints(ready, 30)).toEqual(['n/Enter next', '? help', 'q quit']);
  });

  it('shows a modal screen\'s own keys instead of the table\'s', () => {
    const ready = { status: 'ready' as const, hasResult: false, hasInputs: true };
    expect(frame(<KeyHints context={ready} width={100} override={MODAL_HINTS.messages} />)).toBe('↑/↓ PgUp/PgDn scroll  Esc back');
  });
});

describe('the keys of the screens that take over the keyboard', () => {
  // written out: the footer is generated from the same table the screens' handlers read
  it('the footer of each screen names its keys', () => {
    expect(MODAL_HINTS).toEqual({
      form: '',
      help: '↑/↓ PgUp/PgDn scroll · any other key closes the help',
      messages: '↑/↓ PgUp/PgDn scroll  Esc back',
      history: '↑/↓ select  Enter make current  d diff with current  Esc back',
      diff: '↑/↓ PgUp/PgDn scroll  Esc back',
      problems: '↑/↓ PgUp/PgDn scroll  Esc back',
      feedback: 'Enter regenerate with this instruction  Esc cancel',
      'api-key': 'Enter store the key and re-run the step  Esc cancel',
      quit: 'y quit  n keep running',
      'tool-reject': "Enter send this to the model as the tool's result  Esc back",
    });
  });

  it('a key does what the table says on that screen, and nothing on another', () => {
    expect(screenAction('messages', 'm')).toBe('back');
    expect(screenAction('messages', 'pagedown')).toBe('scroll');
    expect(screenAction('messages', 'x')).toBe(null);
    expect(screenAction('help', 'x')).toBe('close');
    expect(screenAction('help', null)).toBe('close');
    expect(screenAction('history', 'd')).toBe('diff');
    expect(screenAction('diff', 'd')).toBe('back');
    expect(screenAction('problems', '!')).toBe('back');
    expect(screenAction('quit', 'escape')).toBe('back');
    expect(screenAction('quit', 'q')).toBe(null);
  });
});

// Written out, not built from the command table: the help is what a user reads, so a
// change to a key or its words shows up here.
const HELP_ROWS = [
  'n/Enter    run the next action',
  'p          run to the end of the phase',
  'c          continue to the end',
  'Space      pause after the current action',
  'Esc        cancel the running generation',
  'k          enter an OpenAI API key and store it (when a step failed without one)',
  '!          list the problems of the file: its errors, or warnings when it runs',
  '↑/↓        select a step or phase',
  '→/←        expand/collapse the selected phase',
  'o          expand/collapse all phases',
  "PgUp/PgDn  scroll the selected step's output (a stream holds still while you read above it)",
  "End        back to the end of the selected step's output, following a stream again",
  'r          re-run the selected action (later results go stale)',
  'e          edit the selected output in $EDITOR (kept and marked as yours)',
  'f          reject with feedback: type an instruction and regenerate',
  'u          rewind to the selected step',
  'm          show the whole request sent to the model (for a step not run yet: what it would send)',
  "h          list the selected step's versions; Enter makes one current again",
  "d          diff a stale step's old and new prompt (in the history: a version and the current one)",
  'i          edit the inputs',
  '?          show or hide this help',
  'q          quit (asks when a run is in progress)',
  'x          reject a waiting tool call with a message (Enter runs it, e edits its args)',
  'Ctrl+C     cancel the running generation; press again to quit',
];

const SCREEN_ROWS = [
  'In the views and prompts',
  'm request        ↑/↓ PgUp/PgDn scroll · Esc/m/q back',
  'h history        ↑/↓/PgUp/PgDn select · Enter make current · d diff with current · Esc/h/q back',
  'd diff           ↑/↓ PgUp/PgDn scroll · Esc/d/q back',
  '! problems       ↑/↓ PgUp/PgDn scroll · Esc/!/q back',
  'f feedback       Enter regenerate with this instruction · Esc cancel',
  'k key            Enter store the key and re-run the step · Esc cancel',
  "x reject call    Enter send this to the model as the tool's result · Esc back",
  'q while running  y quit · n/Esc keep running',
];

describe('HelpOverlay', () => {
  it('on a short terminal shows the rows that fit, whole, and scrolls to the rest', () => {
    const lines = frame(<HelpOverlay height={10} />).split('\n');
    expect(lines).toEqual(['Keys (↑/↓ PgUp/PgDn scroll; any other key closes)', ...HELP_ROWS.slice(0, 8), '⋮ 29 more rows: ↓ or PgDn']);
    // scrolled to the end: the last rows, whole, and nothing past them
    const end = frame(<HelpOverlay height={10} scroll={1000} />).split('\n');
    expect(end.slice(-2)).toEqual(['↑/↓ lines of a multi-line box (leave it from the first/last) · Ctrl+E there: $EDITOR', '(end of the help)']);
    expect(end).toHaveLength(10);
  });

  it('lists every entry of the command table with its keys and help, the keys of each view and prompt, then the keys that edit text', () => {
    const lines = frame(<HelpOverlay height={40} />).split('\n');
    expect(lines[0]).toBe('Keys (↑/↓ PgUp/PgDn scroll; any other key closes)');
    expect(lines.slice(1)).toEqual([
      ...HELP_ROWS,
      ...SCREEN_ROWS,
      'Editing text (form fields, f and k prompts)',
      '←/→ move a char · Alt+←/→ Ctrl+←/→ Alt+B/F a word · Home/End Ctrl+A/E to line start/end',
      'Backspace/Delete delete a char · Ctrl+W a word back · Alt+D a word on · Ctrl+U/K to line start/end',
      '↑/↓ lines of a multi-line box (leave it from the first/last) · Ctrl+E there: $EDITOR',
    ]);
  });
});

describe('DiagnosticsBanner', () => {
  const text = '---\nmodel: echo\n---\n\nHello {nme}\n';
  const diagnostics = [{ severity: 'error' as const, message: 'unknown name `nme`; did you mean `name`?', line: 5, column: 8, rule: 'unknown-name' }];
  it('each error with its line, column, rule and a code frame', () => {
    expect(frame(<DiagnosticsBanner diagnostics={diagnostics} text={text} width={100} />)).toBe(
      [
        '✗ 1 error in the file: still showing the last version that compiled; fix and save to update',
        'line 5, column 8: unknown name `nme`; did you mean `name`? [unknown-name]',
        '  5 | Hello {nme}',
        '    |        ^',
      ].join('\n'),
    );
    expect(bannerHeight(diagnostics, text, 100)).toBe(4);
  });

  it('shows nothing when the file compiles', () => {
    expect(frame(<DiagnosticsBanner diagnostics={[]} text={text} width={80} />)).toBe('');
    expect(bannerHeight([], text, 80)).toBe(0);
  });
});

describe('MessagesView', () => {
  const sent = (fields: Partial<ShownRequest>): ShownRequest => ({ as: 'poem', action: 'GenText', model: 'echo', messages: [], attributes: {}, sent: true, ...fields });

  it('says where the request went, then each message with its role', () => {
    const messages = [
      { role: 'system' as const, content: 'Be terse.' },
      { role: 'user' as const, content: 'Line one\nLine two' },
    ];
    expect(frame(<MessagesView request={sent({ messages })} width={60} height={10} scroll={0} />)).toBe(
      ['Sent to echo for `poem`: 2 messages', '[system]', 'Be terse.', '', '[user]', 'Line one', 'Line two'].join('\n'),
    );
  });

  it('shows the options and the schema before the messages', () => {
    const request = sent({
      as: 'summary',
      action: 'GenObject',
      model: 'openai:gpt-4o',
      messages: [{ role: 'user', content: 'Sum up.' }],
      attributes: { schemaName: 'Summary', schema: { type: 'object', properties: { line: { type: 'string' } } }, options: { temperature: 0.2, maxTokens: 50 } },
    });
    expect(frame(<MessagesView request={request} width={60} height={20} scroll={0} />)).toBe(
      [
        'Sent to openai:gpt-4o for `summary`: 1 message',
        'schemaName: Summary',
        'schema:',
        '  {',
        '    "type": "object",',
        '    "properties": {',
        '      "line": {',
        '        "type": "string"',
        '      }',
        '    }',
        '  }',
        'options: temperature 0.2, maxTokens 50',
        '',
        '[user]',
        'Sum up.',
      ].join('\n'),
    );
  });

  it('marks a request that was not sent yet', () => {
    expect(frame(<MessagesView request={sent({ sent: false, messages: [{ role: 'user', content: 'Sum up {poem}.' }] })} width={70} height={10} scroll={0} />)).toBe(
      ['Would be sent to echo for `poem`: 1 message (not sent yet)', '[user]', 'Sum up {poem}.'].join('\n'),
    );
  });

  it('says so when nothing was sent, and names a custom action that calls no model', () => {
    expect(frame(<MessagesView request={sent({ model: null, action: 'Shout' })} width={60} height={10} scroll={0} />)).toBe(
      ['Sent to <Shout> for `poem`: 0 messages', 'nothing was sent to a model for this step'].join('\n'),
    );
  });
});

describe('StreamingText and its window', () => {
  it('shows the tail of a long output', () => {
    expect(frame(<StreamingText text={'a\nb\nc\nd\ne'} width={10} height={3} />)).toBe('⋮ (PgUp for more)\nd\ne');
  });

  it('wraps long lines to the width and only walks what is visible (1 MB in one line)', () => {
    const big = 'x'.repeat(1_000_000) + 'END';
    const window = textWindow(big, 10, 2);
    // chunks are aligned to the line's start: the last one holds what is left over
    expect(window.lines).toEqual(['xxxxxxxxxx', 'END']);
    expect(window.above).toBe(true);
  });

  it('scroll stops at the top of the text', () => {
    expect(textWindow('a\nb\nc', 10, 2, 99)).toEqual({ lines: ['a', 'b'], above: false, below: true, scroll: 1 });
  });
});
