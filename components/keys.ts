// THE table of named commands. The footer (KeyHints), the help overlay and the single
// key handler (hooks/useKeyBindings) all read it, so they can never disagree.
import type { Key } from 'ink';
import type { RunStatus } from '../src/runtime/types.js';

export type CommandId =
  | 'next'
  | 'phase'
  | 'continue'
  | 'pause'
  | 'cancel'
  | 'select'
  | 'expand'
  | 'toggle-all'
  | 'scroll'
  | 'follow'
  | 'rerun'
  | 'edit'
  | 'feedback'
  | 'rewind'
  | 'messages'
  | 'history'
  | 'diff'
  | 'inputs'
  | 'problems'
  | 'api-key'
  | 'help'
  | 'quit'
  | 'interrupt'
  | 'tool-reject';

/** A key as named in the table: a printable character, or one of the names below. */
export type KeyName = string;

/** What the screen looks like right now, to decide which hints apply. */
export interface KeyContext {
  status: RunStatus | null;
  /** the selected step (or the selected phase's first step) has a result */
  hasResult: boolean;
  /** the workflow has inputs */
  hasInputs: boolean;
  /** a step failed because no OpenAI API key is configured */
  needsKey?: boolean;
  /** the selected step has had at least one version (its history, `h`) */
  hasHistory?: boolean;
  /** the selected step's result is stale */
  stale?: boolean;
  /** the history view is open (`d` diffs the selected version with the current one) */
  inHistory?: boolean;
  /** a step is selected that has not run yet: `m` shows what it would send */
  canPreview?: boolean;
  /** the file on disk does not compile (`!` lists every problem) */
  hasProblems?: boolean;
}

export interface Command {
  id: CommandId;
  keys: KeyName[];
  /** one or two words for the footer */
  label: string;
  /** one line for the help overlay */
  help: string;
  /** when the command applies; the footer shows only these (the help shows everything) */
  when?: (context: KeyContext) => boolean;
}

const running = (c: KeyContext) => c.status === 'running';
const canStep = (c: KeyContext) => c.status !== 'running' && c.status !== 'done';

export const COMMANDS: readonly Command[] = [
  { id: 'next', keys: ['n', 'return'], label: 'next', help: 'run the next action', when: canStep },
  { id: 'phase', keys: ['p'], label: 'phase', help: 'run to the end of the phase', when: canStep },
  { id: 'continue', keys: ['c'], label: 'continue', help: 'continue to the end', when: canStep },
  { id: 'pause', keys: ['space'], label: 'pause', help: 'pause after the current action', when: running },
  { id: 'cancel', keys: ['escape'], label: 'cancel', help: 'cancel the running generation', when: running },
  { id: 'api-key', keys: ['k'], label: 'enter key', help: 'enter an OpenAI API key and store it (when a step failed without one)', when: (c) => c.needsKey === true },
  { id: 'problems', keys: ['!'], label: 'problems', help: 'list the problems of the file: its errors, or warnings when it runs', when: (c) => c.hasProblems === true },
  { id: 'select', keys: ['up', 'down'], label: 'select', help: 'select a step or phase' },
  { id: 'expand', keys: ['right', 'left'], label: 'expand', help: 'expand/collapse the selected phase' },
  { id: 'toggle-all', keys: ['o'], label: 'all', help: 'expand/collapse all phases' },
  { id: 'scroll', keys: ['pageup', 'pagedown'], label: 'scroll', help: "scroll the selected step's output (a stream holds still while you read above it)" },
  { id: 'follow', keys: ['end'], label: 'follow', help: "back to the end of the selected step's output, following a stream again", when: () => false },
  { id: 'rerun', keys: ['r'], label: 'rerun', help: 're-run the selected action (later results go stale)', when: (c) => c.hasResult },
  { id: 'edit', keys: ['e'], label: 'edit', help: 'edit the selected output in $EDITOR (kept and marked as yours)', when: (c) => c.hasResult },
  { id: 'feedback', keys: ['f'], label: 'feedback', help: 'reject with feedback: type an instruction and regenerate', when: (c) => c.hasResult },
  { id: 'rewind', keys: ['u'], label: 'rewind', help: 'rewind to the selected step', when: (c) => c.hasResult },
  { id: 'messages', keys: ['m'], label: 'messages', help: 'show the whole request sent to the model (for a step not run yet: what it would send)', when: (c) => c.hasResult || c.canPreview === true },
  { id: 'history', keys: ['h'], label: 'history', help: "list the selected step's versions; Enter makes one current again", when: (c) => c.hasHistory === true },
  { id: 'diff', keys: ['d'], label: 'diff', help: "diff a stale step's old and new prompt (in the history: a version and the current one)", when: (c) => c.stale === true || c.inHistory === true },
  { id: 'inputs', keys: ['i'], label: 'inputs', help: 'edit the inputs', when: (c) => c.hasInputs },
  { id: 'help', keys: ['?'], label: 'help', help: 'show or hide this help' },
  { id: 'quit', keys: ['q'], label: 'quit', help: 'quit (asks when a run is in progress)' },
  { id: 'tool-reject', keys: ['x'], label: 'reject call', help: 'reject a waiting tool call with a message (Enter runs it, e edits its args)', when: () => false },
  { id: 'interrupt', keys: ['ctrl+c'], label: 'cancel/quit', help: 'cancel the running generation; press again to quit', when: () => false },
];

const KEY_LABELS: Record<string, string> = {
  return: 'Enter',
  space: 'Space',
  escape: 'Esc',
  up: '↑',
  down: '↓',
  right: '→',
  left: '←',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  end: 'End',
  'ctrl+c': 'Ctrl+C',
};

export function keyLabel(name: KeyName): string {
  return KEY_LABELS[name] ?? name;
}

/** `n/Enter`, `↑/↓` */
export function commandKeys(command: Command): string {
  return command.keys.map(keyLabel).join('/');
}

/** The table's name for what ink reports, or null for keys the table never uses. */
export function keyName(input: string, key: Key): KeyName | null {
  if (key.ctrl && input === 'c') return 'ctrl+c';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.end) return 'end';
  // a lone line feed is Enter typed before the terminal was in raw mode (or Ctrl+J)
  if (key.return || input === '\n') return 'return';
  if (key.escape) return 'escape';
  if (input === ' ') return 'space';
  if (key.ctrl || key.meta) return null;
  return input.length === 1 ? input : null;
}

const BY_KEY = new Map<KeyName, Command>(COMMANDS.flatMap((command) => command.keys.map((name) => [name, command] as const)));

export function commandFor(name: KeyName): Command | undefined {
  return BY_KEY.get(name);
}
