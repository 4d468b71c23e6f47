// `$EDITOR` for long text: the editor gets the real terminal (the UI suspends around it),
// and the edited text comes back through a temporary file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BRACKETED_PASTE_ON, LEAVE_ALTERNATE_SCREEN } from './alternate-screen.js';

const HOW_TO_FIX = 'set $EDITOR, e.g. export EDITOR=nano';

export interface EditOptions {
  /** the temp file's extension, so the editor picks a syntax (default `.md`) */
  extension?: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Opens `text` in `$VISUAL`, else `$EDITOR`, else `vi`. Blocks until the editor exits (it
 * owns the terminal meanwhile). Returns the new text, null when nothing changed, or an error
 * that says how to fix it.
 */
export async function editInEditor(text: string, options: EditOptions = {}): Promise<{ text: string } | { error: string } | null> {
  const env = options.env ?? process.env;
  const command = (env.VISUAL || env.EDITOR || 'vi').trim();
  const [program, ...args] = splitCommand(command);
  if (!program) return { error: `the editor command is empty: ${HOW_TO_FIX}` };
  const extension = options.extension ? (options.extension.startsWith('.') ? options.extension : `.${options.extension}`) : '.md';
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-edit-'));
  const file = join(dir, `edit${extension}`);
  try {
    writeFileSync(file, text, { mode: 0o600 });
    const result = spawnSync(program, [...args, file], { stdio: 'inherit', env });
    if (result.error) {
      const code = (result.error as NodeJS.ErrnoException).code ?? result.error.message;
      return { error: `cannot start the editor \`${command}\` (${code}): ${HOW_TO_FIX}` };
    }
    if (result.signal) return { error: `the editor \`${command}\` was stopped by ${result.signal}; the edit was not kept. To use another editor, ${HOW_TO_FIX}` };
    if (result.status !== 0) return { error: `the editor \`${command}\` exited with code ${result.status}; the edit was not kept. To use another editor, ${HOW_TO_FIX}` };
    const edited = readFileSync(file, 'utf8');
    return edited === text ? null : { text: edited };
  } catch (error) {
    return { error: `editing in \`${command}\` failed (${(error as Error).message}): ${HOW_TO_FIX}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Splits a command line the way a shell does for simple cases: spaces, quotes and backslashes. */
export function splitCommand(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < command.length; i++) {
    const char = command[i]!;
    if (quote) {
      if (char === quote) quote = null;
      else if (char === '\\' && quote === '"' && (command[i + 1] === '"' || command[i + 1] === '\\')) word += command[++i];
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (char === '\\' && i + 1 < command.length) {
      word += command[++i];
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += char;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

interface SuspendableStdout {
  isTTY?: boolean;
  write(data: string): unknown;
}

interface SuspendableStdin {
  isTTY?: boolean;
  setRawMode?: (mode: boolean) => unknown;
}

/**
 * Hands the terminal to another program: leaves raw mode, the alternate screen and
 * bracketed paste and shows the cursor. The returned function takes it back (alternate
 * screen cleared, cursor hidden, paste marked, raw mode on) so the UI can redraw from the
 * top. Does nothing off a TTY.
 */
export function suspendTerminal(stdout: SuspendableStdout, stdin: SuspendableStdin): () => void {
  const rawMode = Boolean(stdin.isTTY) && typeof stdin.setRawMode === 'function';
  if (rawMode) stdin.setRawMode!(false);
  if (stdout.isTTY) stdout.write(LEAVE_ALTERNATE_SCREEN);
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    if (stdout.isTTY) stdout.write(`\x1b[?1049h\x1b[2J\x1b[H\x1b[?25l${BRACKETED_PASTE_ON}`);
    if (rawMode) stdin.setRawMode!(true);
  };
}
