// Ink hands a hook one event per chunk it reads from the terminal, and splits only escape
// sequences out of it. Keys typed while the app was busy arrive as one chunk ("French\r",
// "\r\r"), and Ink reports it as text: the Enter would be typed as a character. This
// splits such a chunk into the keys it holds, each with the input and key flags Ink gives
// that key on its own (test/components/keypresses.test.tsx checks them against Ink).
import type { Key } from 'ink';

export interface Keypress {
  input: string;
  key: Key;
}

const FLAGS = ['upArrow', 'downArrow', 'leftArrow', 'rightArrow', 'pageDown', 'pageUp', 'home', 'end', 'return', 'escape', 'ctrl', 'shift', 'tab', 'backspace', 'delete', 'meta'] as const;

function isControl(code: number): boolean {
  return code < 0x20 || code === 0x7f;
}

/**
 * The keys in one chunk, in order: each control key on its own, and the text between them
 * as one piece (typing into a field, a paste: one edit). The app's keyboard (keyboard.ts)
 * splits each chunk once and hands its keys to every listener in turn.
 */
export function splitKeypresses(input: string, key: Key): Keypress[] {
  if (input.length < 2 || FLAGS.some((flag) => key[flag])) return [{ input, key }];
  let hasControl = false;
  for (let i = 0; i < input.length && !hasControl; i++) hasControl = isControl(input.charCodeAt(i));
  if (!hasControl) return [{ input, key }];
  const plain: Key = { ...key };
  for (const flag of FLAGS) plain[flag] = false;
  const keys: Keypress[] = [];
  let text = '';
  const flushText = () => {
    if (text) keys.push({ input: text, key: { ...plain, shift: text.length === 1 && /[A-Z]/.test(text) } });
    text = '';
  };
  for (const char of input) {
    const code = char.charCodeAt(0);
    if (!isControl(code)) {
      text += char;
      continue;
    }
    flushText();
    keys.push(controlKey(char, code, plain));
  }
  flushText();
  return keys;
}

const NO_KEY: Key = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false };

/**
 * A bracketed paste: its text as one piece of typed text, whatever it holds, so its line
 * breaks go into the value (a box keeps them, one line makes them spaces) and never submit.
 */
export function pastedText(text: string): Keypress {
  // a lone line feed reads as Enter (keys.ts, isEnter); a carriage return is only text
  return { input: text === '\n' ? '\r' : text, key: { ...NO_KEY } };
}

/** A control character as Ink reports it when it arrives alone. */
function controlKey(char: string, code: number, plain: Key): Keypress {
  switch (char) {
    case '\r':
      return { input: '\r', key: { ...plain, return: true } };
    case '\n':
      return { input: '\n', key: plain };
    case '\t':
      return { input: '', key: { ...plain, tab: true } };
    case '\b':
      return { input: '', key: { ...plain, backspace: true } };
    case '\x7f':
      return { input: '', key: { ...plain, delete: true } };
    case '\x1b':
      return { input: '', key: { ...plain, escape: true, meta: true } };
  }
  if (code >= 1 && code <= 26) return { input: String.fromCharCode(code + 96), key: { ...plain, ctrl: true } };
  return { input: char, key: plain };
}
