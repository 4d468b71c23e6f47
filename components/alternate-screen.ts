// The full-screen UI lives on the terminal's alternate screen buffer, cursor hidden; leaving
// gives the shell its screen and cursor back.
export const ENTER_ALTERNATE_SCREEN = '\x1b[?1049h\x1b[?25l';
export const LEAVE_ALTERNATE_SCREEN = '\x1b[?1049l\x1b[?25h';
