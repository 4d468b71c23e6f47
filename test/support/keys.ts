// Keys as a terminal sends them: one table for the component, app and pty tests.
export const KEYS = {
  enter: '\r',
  tab: '\t',
  shiftTab: '\x1b[Z',
  escape: '\x1b',
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  pageUp: '\x1b[5~',
  pageDown: '\x1b[6~',
  backspace: '\x7f',
  space: ' ',
  ctrlC: '\x03',
  ctrlE: '\x05',
  ctrlU: '\x15',
} as const;
