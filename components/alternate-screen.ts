// The full-screen UI lives on the terminal's alternate screen buffer, cursor hidden, with
// bracketed paste on (the terminal marks a paste, ESC[200~ … ESC[201~, so the keyboard
// takes its line breaks as text rather than Enter: hooks/keyboard.ts); leaving gives the
// shell its screen, cursor and plain paste back. Every way out writes LEAVE (run-tui.tsx).
export const BRACKETED_PASTE_ON = '\x1b[?2004h';
export const BRACKETED_PASTE_OFF = '\x1b[?2004l';
export const ENTER_ALTERNATE_SCREEN = `\x1b[?1049h\x1b[?25l${BRACKETED_PASTE_ON}`;
export const LEAVE_ALTERNATE_SCREEN = `${BRACKETED_PASTE_OFF}\x1b[?1049l\x1b[?25h`;

/**
 * Takes the terminal for a full-screen UI: the alternate screen, and a clear screen on every
 * resize (the terminal re-wraps the old frame, so Ink cannot erase it line by line; call
 * this before Ink renders, so the clear comes before Ink's own resize handling). `leave`
 * gives the terminal back, once, however many ways out call it.
 */
export function takeScreen(stdout: NodeJS.WriteStream): { leave: () => void } {
  stdout.write(ENTER_ALTERNATE_SCREEN);
  const onResize = () => stdout.write('\x1b[2J\x1b[H');
  stdout.on('resize', onResize);
  let left = false;
  return {
    leave: () => {
      if (left) return;
      left = true;
      stdout.off('resize', onResize);
      stdout.write(LEAVE_ALTERNATE_SCREEN);
    },
  };
}
