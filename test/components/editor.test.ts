import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { editInEditor, splitCommand, suspendTerminal } from '../../components/editor.js';

const FAKE = fileURLToPath(new URL('../support/fake-editor.mjs', import.meta.url));
const node = JSON.stringify(process.execPath);
const editor = (flags: string) => ({ EDITOR: `${node} ${JSON.stringify(FAKE)} ${flags}`, PATH: process.env.PATH ?? '' });

describe('editInEditor', () => {
  it('returns the text the editor saved', async () => {
    expect(await editInEditor('a short poem\n', { env: editor('--upper') })).toEqual({ text: 'A SHORT POEM\n' });
  });

  it('passes quoted arguments of $EDITOR through as one word each', async () => {
    expect(await editInEditor('line one', { env: editor(`--append '\n  two words'`) })).toEqual({ text: 'line one\n  two words' });
  });

  it('prefers $VISUAL over $EDITOR', async () => {
    const env = { ...editor('--upper'), VISUAL: `${node} ${JSON.stringify(FAKE)} --append !` };
    expect(await editInEditor('hi', { env })).toEqual({ text: 'hi!' });
  });

  it('returns null when the text did not change', async () => {
    expect(await editInEditor('same', { env: editor('--append ""') })).toBeNull();
  });

  it('keeps nothing and says why when the editor exits non-zero', async () => {
    const result = await editInEditor('draft', { env: editor('--upper --exit 3') });
    expect(result).toEqual({ error: expect.stringMatching(/exited with code 3; the edit was not kept\. To use another editor, set \$EDITOR, e\.g\. export EDITOR=nano$/) });
  });

  it('says how to fix it when the editor cannot be started', async () => {
    const result = await editInEditor('draft', { env: { EDITOR: 'no-such-editor-here --wait', PATH: process.env.PATH ?? '' } });
    expect(result).toEqual({ error: 'cannot start the editor `no-such-editor-here --wait` (ENOENT): set $EDITOR, e.g. export EDITOR=nano' });
  });

  it('uses the given extension for the temporary file', async () => {
    // the fake editor appends its own file name: only the extension is stable
    const result = await editInEditor('x', { extension: 'json', env: { EDITOR: `${node} -e "require('fs').appendFileSync(process.argv[1], require('path').extname(process.argv[1]))"`, PATH: process.env.PATH ?? '' } });
    expect(result).toEqual({ text: 'x.json' });
  });
});

describe('splitCommand', () => {
  it('splits like a shell for simple cases', () => {
    expect(splitCommand('code --wait')).toEqual(['code', '--wait']);
    expect(splitCommand(`"/Applications/My Editor/bin/ed" -n 'a b' c\\ d`)).toEqual(['/Applications/My Editor/bin/ed', '-n', 'a b', 'c d']);
    expect(splitCommand('  vim   ')).toEqual(['vim']);
    expect(splitCommand(`emacs ""`)).toEqual(['emacs', '']);
  });
});

describe('suspendTerminal', () => {
  function fakeTerminal() {
    const written: string[] = [];
    const rawModes: boolean[] = [];
    return {
      written,
      rawModes,
      stdout: { isTTY: true, write: (data: string) => written.push(data) },
      stdin: { isTTY: true, setRawMode: (mode: boolean) => rawModes.push(mode) },
    };
  }

  it('leaves raw mode, the alternate screen and bracketed paste and shows the cursor, then takes them back once', () => {
    const terminal = fakeTerminal();
    const restore = suspendTerminal(terminal.stdout, terminal.stdin);
    expect(terminal.written).toEqual(['\x1b[?2004l\x1b[?1049l\x1b[?25h']);
    expect(terminal.rawModes).toEqual([false]);
    restore();
    restore();
    expect(terminal.written).toEqual(['\x1b[?2004l\x1b[?1049l\x1b[?25h', '\x1b[?1049h\x1b[2J\x1b[H\x1b[?25l\x1b[?2004h']);
    expect(terminal.rawModes).toEqual([false, true]);
  });

  it('writes nothing when stdout is not a terminal', () => {
    const terminal = fakeTerminal();
    terminal.stdout.isTTY = false;
    terminal.stdin.isTTY = false;
    suspendTerminal(terminal.stdout, terminal.stdin)();
    expect(terminal.written).toEqual([]);
    expect(terminal.rawModes).toEqual([]);
  });
});
