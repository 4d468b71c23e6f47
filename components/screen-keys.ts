// The keys of the screens and prompts that take over the keyboard, beside the run screen's
// command table (keys.ts): each screen's handler asks this table what a key does, and the
// footer (KeyHints) and the help (`?`) are written from it, so the three cannot disagree.
import { keyLabel, type KeyName } from './keys.js';

export type ScreenName = 'help' | 'messages' | 'history' | 'diff' | 'problems' | 'feedback' | 'api-key' | 'tool-reject' | 'quit';

export type ScreenAction = 'scroll' | 'select' | 'back' | 'close' | 'restore' | 'diff' | 'send' | 'quit';

export interface ScreenKey {
  action: ScreenAction;
  /** the keys as keys.ts names them; 'any' takes every key no other entry of the screen takes */
  keys: KeyName[] | 'any';
  label: string;
  /** how the keys are written, when not one after another (`↑/↓ PgUp/PgDn`) */
  shown?: string;
  /** how many of the keys the footer names (`Esc back`, `↑/↓ select`); the help names them all */
  footerKeys?: number;
}

export interface ScreenKeys {
  /** how the help names the screen: the key that opens it and what it is */
  title: string;
  keys: ScreenKey[];
  /** between the footer's entries */
  separator?: string;
}

const SCROLL: ScreenKey = { action: 'scroll', keys: ['up', 'down', 'pageup', 'pagedown'], shown: '↑/↓ PgUp/PgDn', label: 'scroll' };
const back = (...keys: KeyName[]): ScreenKey => ({ action: 'back', keys, label: 'back', footerKeys: 1 });

export const SCREEN_KEYS: Record<ScreenName, ScreenKeys> = {
  help: { title: '? help', keys: [SCROLL, { action: 'close', keys: 'any', shown: 'any other key', label: 'closes the help' }], separator: ' · ' },
  messages: { title: 'm request', keys: [SCROLL, back('escape', 'm', 'q')] },
  history: {
    title: 'h history',
    keys: [{ action: 'select', keys: ['up', 'down', 'pageup', 'pagedown'], label: 'select', footerKeys: 2 }, { action: 'restore', keys: ['return'], label: 'make current' }, { action: 'diff', keys: ['d'], label: 'diff with current' }, back('escape', 'h', 'q')],
  },
  diff: { title: 'd diff', keys: [SCROLL, back('escape', 'd', 'q')] },
  problems: { title: '! problems', keys: [SCROLL, back('escape', '!', 'q')] },
  feedback: { title: 'f feedback', keys: [{ action: 'send', keys: ['return'], label: 'regenerate with this instruction' }, { action: 'back', keys: ['escape'], label: 'cancel' }] },
  'api-key': { title: 'k key', keys: [{ action: 'send', keys: ['return'], label: 'store the key and re-run the step' }, { action: 'back', keys: ['escape'], label: 'cancel' }] },
  'tool-reject': { title: 'x reject call', keys: [{ action: 'send', keys: ['return'], label: "send this to the model as the tool's result" }, back('escape')] },
  quit: { title: 'q while running', keys: [{ action: 'quit', keys: ['y'], label: 'quit' }, { action: 'back', keys: ['n', 'escape'], label: 'keep running', footerKeys: 1 }] },
};

/** What `name` does on `screen`, or null when nothing. */
export function screenAction(screen: ScreenName, name: KeyName | null): ScreenAction | null {
  const { keys } = SCREEN_KEYS[screen];
  const entry = keys.find((key) => key.keys !== 'any' && name !== null && key.keys.includes(name)) ?? keys.find((key) => key.keys === 'any');
  return entry?.action ?? null;
}

function keysText(entry: ScreenKey, footer: boolean): string {
  if (entry.shown) return entry.shown;
  const keys = entry.keys === 'any' ? [] : entry.keys;
  return (footer ? keys.slice(0, entry.footerKeys ?? keys.length) : keys).map(keyLabel).join('/');
}

/** The footer while `screen` is open. */
export function screenHints(screen: ScreenName): string {
  const { keys, separator = '  ' } = SCREEN_KEYS[screen];
  return keys.map((entry) => `${keysText(entry, true)} ${entry.label}`).join(separator);
}

/** The help's line for `screen`: every key it takes. */
export function screenHelp(screen: ScreenName): string {
  return SCREEN_KEYS[screen].keys.map((entry) => `${keysText(entry, false)} ${entry.label}`).join(' · ');
}
