// Long messages are read in full: the compile banner wraps each problem (its fix hint too),
// `!` lists every problem in a view of its own, and a failed step's message wraps in the
// notice line above the key hints instead of being cut at the screen edge.
import { writeFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KEYS, startTerminal, type Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';
import { startOpenAIServer, type OpenAIServer } from '../support/openai-server.js';
import { GREET } from './greet-workflow.js';
import { keysReady, workspace } from './workspace.js';

let terminal: Terminal | undefined;
let server: OpenAIServer | undefined;
beforeAll(() => assertBuilt());
afterEach(async () => {
  terminal?.kill('SIGKILL');
  terminal = undefined;
  await server?.close();
  server = undefined;
});

const INPUTS = ['--input', 'name=Bo', '--input', 'mood=warm', '--input', 'times=1'];
/** The second phase reads six names that exist nowhere: six problems, lines 24 to 29. */
const SIX_PROBLEMS = GREET.replace('Now say goodbye to {name}.', ['Now say goodbye to {nme1}.', 'And {nme2}.', 'And {nme3}.', 'And {nme4}.', 'And {nme5}.', 'And {nme6}.'].join('\n'));
const rows = (screen: string) => screen.split('\n');
/** The key hints: the last row drawn (the terminal's own last row stays blank). */
const hintsRow = (screen: string[]) => [...screen].reverse().find((row) => row !== '');

/** The two lines a problem's message takes at 100 columns: the fix hint ends the second. */
const problem = (line: number, column: number, name: string) => [
  `line ${line}, column ${column}: unknown name \`${name}\`: define it with an action's as="${name}" above, or as a`,
  '  frontmatter `input` or `data` key [unknown-name]',
];

describe('long messages on the screen', () => {
  it('the banner wraps each problem with its fix hint; ! lists all six with their lines; Esc goes back', async () => {
    const file = workspace().write('greet.mdx', GREET);
    terminal = await startTerminal([file, '--model', 'echo', ...INPUTS], { rows: 40 });
    const t = terminal;
    await t.waitFor('Phase 2');
    await keysReady(t);
    writeFileSync(file, SIX_PROBLEMS);
    await t.waitFor((screen) => screen.includes('…and 3 more: press ! to see them all') && screen.includes('? help'));
    let screen = rows(t.screen());
    expect(screen.slice(1, 15)).toEqual([
      '✗ 6 errors in the file: still showing the last version that compiled; fix and save to update',
      ...problem(24, 21, 'nme1'),
      '  24 | Now say goodbye to {nme1}.',
      '     |                     ^',
      ...problem(25, 6, 'nme2'),
      '  25 | And {nme2}.',
      '     |      ^',
      ...problem(26, 6, 'nme3'),
      '  26 | And {nme3}.',
      '     |      ^',
      '…and 3 more: press ! to see them all',
    ]);
    expect(screen.every((row) => row.length <= 100)).toBe(true);
    expect(hintsRow(screen)).toContain('! problems');

    t.write('!');
    await t.waitFor((s) => s.includes('29 | And {nme6}.') && s.includes('Esc back'));
    screen = rows(t.screen());
    expect(screen[1]).toBe('✗ 6 errors in the file: fix and save to update');
    const listed = ['nme1', 'nme2', 'nme3', 'nme4', 'nme5', 'nme6'].map((name, index) => {
      const line = 24 + index;
      const at = screen.indexOf(problem(line, index === 0 ? 21 : 6, name)[0]!);
      expect(at).toBeGreaterThan(0);
      expect(screen[at + 1]).toBe(problem(line, 0, name)[1]);
      expect(screen[at + 2]).toBe(index === 0 ? '  24 | Now say goodbye to {nme1}.' : `  ${line} | And {${name}}.`);
      return at;
    });
    // in file order, one after another
    expect(listed).toEqual([...listed].sort((a, b) => a - b));
    expect(t.screen()).not.toContain('more: press !');
    expect(t.screen()).not.toContain('Phase 1');
    expect(hintsRow(screen)).toBe('↑/↓ PgUp/PgDn scroll  Esc back');

    t.write(KEYS.escape);
    await t.waitFor((s) => s.includes('…and 3 more: press ! to see them all') && s.includes('Phase 1') && s.includes('? help'));
    expect(t.screen()).not.toContain('nme6');
  });

  it("a failed step's long message wraps in the line above the key hints, its end in view", async () => {
    server = await startOpenAIServer();
    const file = workspace().write('greet.mdx', GREET.replace('model: echo', 'model: openai:gpt-4o-mini'));
    terminal = await startTerminal([file, ...INPUTS], { env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'sk-test' } });
    const t = terminal;
    await t.waitFor('Phase 2');
    await keysReady(t);
    server.reply({ kind: 'error', status: 400, message: 'This model supports at most 128 tokens of context, but the request asked for 4000; shorten the messages' });
    t.write('n');
    await t.waitFor((s) => s.includes('│ failed │') && s.includes('? help'));
    const screen = rows(t.screen());
    const hints = screen.findIndex((row) => row.includes('? help'));
    expect(screen.slice(hints - 3, hints)).toEqual([
      'failed: `hello`: the provider refused the request (400 This model supports at most 128 tokens of',
      'context, but the request asked for 4000; shorten the messages): check the model id',
      "`openai:gpt-4o-mini` and the step's options — press r to retry it",
    ]);
  });
});
