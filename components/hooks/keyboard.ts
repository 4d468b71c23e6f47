// One keyboard per Ink app: every key that reaches the app goes through one queue, to every
// listening hook (useCurrentInput) in turn, and the next key waits until React has drawn
// what the one before changed. Without it, keys that arrive together (auto-repeat, a slow
// SSH link, typing while the app is busy) were handled against the state of a frame that
// was already out of date: React renders in a later task than the key, so a second ↓ read
// the selection the first had not yet moved, and a form's Enter reached both the form and
// the screen behind it. A bracketed paste (ESC[200~ … ESC[201~, turned on with the
// alternate screen) comes out as one piece of text, so its line breaks never act as Enter.
import type { EventEmitter } from 'node:events';
import type { Key } from 'ink';
import { pastedText, splitKeypresses, type Keypress } from './keypresses.js';

/** Gets a key; returns true when it used the key up, so the listeners below it do not get it. */
export type KeyHandler = (input: string, key: Key) => boolean | void;

export interface KeyListener {
  /** the handler and isActive of the listener's latest render */
  latest: { readonly current: { handler: KeyHandler; active: boolean } };
  /** asks the listener to render again; its effect calls `drawn` with the same turn */
  wake: (turn: number) => void;
}

/** The Delete key (`ESC [3~`, with modifiers `ESC [3;5~`); Ink reports Backspace (DEL, 0x7f) as `delete` too. */
const FORWARD_DELETE = /^\x1b\[3(;\d+)?~$/;

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

/** How long a key waits for its frame before the next goes anyway (a frame takes milliseconds). */
const STUCK_MS = 500;

export class Keyboard {
  private readonly listeners: KeyListener[] = [];
  private readonly queue: Keypress[] = [];
  /** the raw sequence of the event Ink is handing out, and whether a listener has queued it */
  private raw = '';
  private taken = false;
  private readonly marksEvents: boolean;
  /** the text of a paste under way (Ink may hand it out in several events), else null */
  private pasted: string | null = null;
  private turn = 0;
  /** a key was handled and its frame is not drawn yet */
  private waiting = false;
  private fallback: ReturnType<typeof setTimeout> | undefined;

  constructor(emitter: EventEmitter | undefined) {
    this.marksEvents = emitter !== undefined;
    // Ink hands each event to every useInput hook: this marks where one event starts, so
    // it is queued once, and keeps its raw sequence (to tell Backspace from Delete).
    emitter?.prependListener('input', (raw: string) => {
      this.raw = raw;
      this.taken = this.takePaste(raw);
    });
  }

  add(listener: KeyListener): () => void {
    this.listeners.push(listener);
    // the key before unmounted every listener that could have said it was drawn
    if (this.waiting) this.drawn(this.turn);
    return () => {
      const index = this.listeners.indexOf(listener);
      if (index >= 0) this.listeners.splice(index, 1);
    };
  }

  /** One event as a useInput hook got it; the first hook to get it queues it, the others skip it. */
  receive(input: string, key: Key): void {
    if (this.taken) return;
    this.taken = this.marksEvents;
    this.queue.push(...splitKeypresses(input, key).map((press) => withBackspace(press, this.raw)));
    if (!this.waiting) this.next();
  }

  /** The events of a paste, gathered and queued as one piece of text; true when `raw` was part of one. */
  private takePaste(raw: string): boolean {
    if (raw === PASTE_START) {
      this.pasted = '';
      return true;
    }
    if (this.pasted === null) return false;
    if (raw !== PASTE_END) {
      this.pasted += raw;
      return true;
    }
    const text = this.pasted;
    this.pasted = null;
    if (text) this.queue.push(pastedText(text));
    if (!this.waiting) this.next();
    return true;
  }

  /** A listener rendered the frame of `turn`: the next key may go. */
  drawn(turn: number): void {
    if (!this.waiting || turn !== this.turn) return;
    this.waiting = false;
    clearTimeout(this.fallback);
    setImmediate(() => {
      if (!this.waiting) this.next();
    });
  }

  private next(): void {
    const press = this.queue.shift();
    if (!press) return;
    this.waiting = true;
    this.turn++;
    // Who listens is decided by the frame the key arrived on, before any handler ran; the
    // latest mounted (a screen opened over the run screen) hears it first and may keep it.
    const active = this.listeners.filter((listener) => listener.latest.current.active).map((listener) => listener.latest.current.handler);
    try {
      for (const handler of active.reverse()) if (handler(press.input, press.key) === true) break;
    } finally {
      for (const listener of this.listeners) listener.wake(this.turn);
      // should no frame come (nothing left listening), the keys still go on, never stuck
      const turn = this.turn;
      this.fallback = setTimeout(() => this.drawn(turn), STUCK_MS);
      this.fallback.unref?.();
    }
  }
}

/** Ink calls Backspace `delete`; the Delete key is the only one that deletes forward. */
function withBackspace(press: Keypress, raw: string): Keypress {
  if (!press.key.delete || FORWARD_DELETE.test(raw)) return press;
  return { input: press.input, key: { ...press.key, delete: false, backspace: true } };
}

const keyboards = new WeakMap<object, Keyboard>();

/** The keyboard of one Ink app: its input event emitter (one per app), else its stdin. */
export function keyboardFor(stdin: object, emitter: EventEmitter | undefined): Keyboard {
  const app = emitter ?? stdin;
  let keyboard = keyboards.get(app);
  if (!keyboard) {
    keyboard = new Keyboard(emitter);
    keyboards.set(app, keyboard);
  }
  return keyboard;
}
