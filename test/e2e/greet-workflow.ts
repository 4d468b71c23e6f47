// A small two-phase workflow with a required input, for the e2e tests, and the steps the
// tests take through it.
import { KEYS, type Terminal } from '../support/pty.js';
import { focusedRow } from './workspace.js';

export const GREET = `---
title: Greeting
model: echo
input:
  name:
    message: Who should we greet?
  mood:
    type: select
    options: [warm, formal]
    default: warm
  times:
    type: number
    min: 1
    max: 3
    default: 1
---

Say hello to {name} in a {mood} way, {times} time(s).

<GenText as="hello" />

---

Now say goodbye to {name}.

<GenText as="bye" />
`;

/** `n`: the first action runs and the run pauses after it, with the greeting on screen. */
export async function runFirstGreeting(terminal: Terminal, greeting = 'Say hello to Bo in a warm way, 1 time(s).'): Promise<void> {
  terminal.write('n');
  await terminal.waitFor((screen) => screen.includes(greeting) && screen.includes('│ paused │'));
}

/** In the open form, with the name field focused: picks the "formal" mood and submits from the last field. */
export async function chooseFormalAndRun(terminal: Terminal): Promise<void> {
  terminal.write(KEYS.tab);
  await terminal.waitFor((screen) => focusedRow(screen) === '❯ Mood');
  terminal.write(KEYS.right);
  await terminal.waitFor('(•) formal');
  terminal.write(KEYS.tab);
  await terminal.waitFor((screen) => focusedRow(screen) === '❯ Times');
  terminal.write(KEYS.enter);
}
