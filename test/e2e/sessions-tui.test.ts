// Sessions in the TUI, as a user meets them: the real binary in a real pseudo-terminal, a
// local model server that counts every request, real keys, real files and real signals.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KEYS, startTerminal, type Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';
import { startOpenAIServer, type OpenAIServer } from '../support/openai-server.js';
import { keysReady, restoredTerminal, workspace } from './workspace.js';
import { THREE_STEPS } from './three-steps.js';

const FAKE_EDITOR = fileURLToPath(new URL('../support/fake-editor.mjs', import.meta.url));
const WAIT = 20_000;

let server: OpenAIServer;
let terminal: Terminal | undefined;
beforeAll(() => assertBuilt());
beforeEach(async () => {
  server = await startOpenAIServer();
});
afterEach(async () => {
  terminal?.kill('SIGKILL');
  terminal = undefined;
  await server.close();
});

async function open(file: string, extra: string[] = [], env: Record<string, string> = {}): Promise<Terminal> {
  terminal = await startTerminal([file, ...extra], { env: { OPENAI_BASE_URL: server.url, OPENAI_API_KEY: 'sk-test', ...env }, rows: 40 });
  await terminal.waitFor('Phase 2', WAIT);
  await keysReady(terminal);
  return terminal;
}

function sessions(dir: string, base = join(dir, '.stepwise', 'runs')): string[] {
  try {
    return readdirSync(join(base, 'three')).sort().map((stamp) => join(base, 'three', stamp));
  } catch {
    return [];
  }
}

function savedRun(session: string): any {
  return JSON.parse(readFileSync(join(session, 'run.json'), 'utf8'));
}

/** `14:03`, local time, as the header shows when a session was saved */
function hoursMinutes(at: number): string {
  const date = new Date(at);
  return [date.getHours(), date.getMinutes()].map((part) => String(part).padStart(2, '0')).join(':');
}

const firstLine = (screen: string) => screen.split('\n')[0]!;

/** The three steps run to the end (`c`) with one reply each. */
async function runAll(t: Terminal): Promise<void> {
  server.reply({ kind: 'text', text: 'Rain taps the glass.' });
  server.reply({ kind: 'text', text: 'Snow falls without a sound.' });
  server.reply({ kind: 'text', text: 'Both.' });
  t.write('c');
  await t.waitFor((screen) => screen.includes('│ done │') && screen.includes('Both.'), WAIT);
  expect(server.requests).toHaveLength(3);
}

/** The selected row (marked ›), once the frame that shows it is whole (the footer is drawn last). */
function selectedRow(screen: string): string | undefined {
  if (!screen.includes('? help')) return undefined;
  return screen.split('\n').find((line) => line.startsWith('›'));
}

/** ↑ or ↓ until the step's row is selected (after a run the selection is on the step that ran last). */
async function select(t: Terminal, row: RegExp): Promise<void> {
  await t.waitFor((screen) => selectedRow(screen) !== undefined, WAIT);
  for (let presses = 0; presses < 6 && !row.test(selectedRow(t.screen()) ?? ''); presses++) {
    const screen = t.screen();
    const before = selectedRow(screen);
    const rows = screen.split('\n');
    // the row is drawn without the selection mark until it is selected
    const target = rows.findIndex((line) => row.test(`›${line.slice(1)}`));
    t.write(target >= 0 && target > rows.indexOf(before!) ? KEYS.down : KEYS.up);
    await t.waitFor((next) => selectedRow(next) !== undefined && selectedRow(next) !== before, WAIT);
  }
  expect(selectedRow(t.screen())).toMatch(row);
  // the key handler holds the render before the last arrow until a later frame: wait for one
  await keysReady(t);
}

describe('sessions in the TUI', () => {
  it('reopening the file shows the last session\'s results and asks the model nothing; --fresh starts empty and keeps the old session', async () => {
    const place = workspace();
    const file = place.write('three.mdx', THREE_STEPS);
    const first = await open(file);
    expect(firstLine(first.screen())).not.toContain('resumed');
    await runAll(first);
    first.write('q');
    expect(await first.exit).toEqual({ exitCode: 0 });
    const [saved] = sessions(place.dir);
    expect(sessions(place.dir)).toHaveLength(1);

    const before = statSync(join(saved!, 'run.json'));
    const again = await open(file);
    await again.waitFor((screen) => screen.includes('│ done │') && screen.includes('Both.'), WAIT);
    let screen = again.screen();
    expect(firstLine(screen)).toMatch(new RegExp(`^three\\.mdx · resumed from ${hoursMinutes(statSync(join(saved!, 'run.json')).mtimeMs)} │ ok │ done │`));
    expect(screen).toMatch(/✓ first GenText +\d+\+\d+ tokens \d+\.\ds\n +Write a line about rain\.\n +Rain taps the glass\./);
    expect(screen).toMatch(/✓ second GenText +\d+\+\d+ tokens \d+\.\ds\n +Now one about snow\.\n +Snow falls without a sound\./);
    expect(screen).toMatch(/✓ third GenText +Both\./);
    expect(server.requests).toHaveLength(3);
    again.write('q');
    expect(await again.exit).toEqual({ exitCode: 0 });
    expect(server.requests).toHaveLength(3);
    expect(sessions(place.dir)).toEqual([saved]);
    // opened and quit, nothing changed: the session is not written again (its time stays)
    const after = statSync(join(saved!, 'run.json'));
    expect([after.mtimeMs, after.ino]).toEqual([before.mtimeMs, before.ino]);

    const fresh = await open(file, ['--fresh']);
    await fresh.waitFor((shown) => /○ first GenText\n +Write a line about rain\.\n +○ second GenText/.test(shown), WAIT);
    screen = fresh.screen();
    expect(firstLine(screen)).toMatch(/^three\.mdx │ ok │ ready │/);
    expect(screen).toMatch(/○ first GenText\n +Write a line about rain\.\n +○ second GenText/);
    expect(screen).not.toContain('Rain taps the glass.');
    expect(screen).not.toContain('✓');
    server.reply({ kind: 'text', text: 'Drizzle.' });
    fresh.write('n');
    await fresh.waitFor((s) => s.includes('│ paused │') && /✓ first GenText +\d+\+\d+ tokens \d+\.\ds\n.*\n +Drizzle\./.test(s), WAIT);
    expect(server.requests).toHaveLength(4);
    fresh.write('q');
    expect(await fresh.exit).toEqual({ exitCode: 0 });
    const both = sessions(place.dir);
    expect(both).toHaveLength(2);
    expect(both).toContain(saved);
    expect(savedRun(saved!).steps['1.0'].output).toBe('Both.');
    expect(savedRun(both.find((dir) => dir !== saved)!).steps['0.0'].output).toBe('Drizzle.');
  }, 90_000);

  it('Esc on a re-run loses nothing: the previous output is back, and h lists the cancelled version under it', async () => {
    const file = workspace().write('three.mdx', THREE_STEPS);
    const t = await open(file);
    await runAll(t);
    await select(t, /^›\s+✓ second GenText/m);
    server.reply({ kind: 'hang', text: 'Sleet, then nothing.', chunks: 4, sent: 2 });
    t.write('r');
    await t.waitFor((screen) => screen.includes('Sleet, the') && screen.includes('│ running │'), WAIT);
    expect(t.screen()).not.toContain('Snow falls without a sound.');
    t.write(KEYS.escape);
    await t.waitFor((screen) => screen.includes('Snow falls without a sound.') && !screen.includes('│ running │'), WAIT);
    const screen = t.screen();
    expect(screen).toMatch(/^›\s+✓ second GenText +\d+\+\d+ tokens \d+\.\ds\n +Now one about snow\.\n +Snow falls without a sound\./m);
    expect(screen).not.toContain('Sleet');
    expect(screen).not.toContain('(stale)');
    expect(server.requests).toHaveLength(4);
    t.write('h');
    await t.waitFor('History of second: 2 versions', WAIT);
    const rows = t.screen().split('\n');
    const title = rows.findIndex((row) => row.startsWith('History of second'));
    // newest first; the selection starts on the current version
    expect(rows[title + 1]).toMatch(/^    #2  \d\d:\d\d:\d\d  cancelled  openai:gpt-4o-mini   0 in 0 out  Sleet, the$/);
    expect(rows[title + 2]).toMatch(/^› ● #1  \d\d:\d\d:\d\d  generated  openai:gpt-4o-mini  10 in \d+ out  Snow falls without a sound\.$/);
  }, 60_000);

  it('quitting (q, y) during a re-run saves the previous output as current, the partial text in the history', async () => {
    const place = workspace();
    const file = place.write('three.mdx', THREE_STEPS);
    const t = await open(file);
    await runAll(t);
    await select(t, /^›\s+✓ second GenText/m);
    server.reply({ kind: 'hang', text: 'Sleet, then nothing.', chunks: 4, sent: 2 });
    t.write('r');
    await t.waitFor((screen) => screen.includes('Sleet, the') && screen.includes('│ running │'), WAIT);
    t.write('q');
    await t.waitFor('Quit while running? y/n', WAIT);
    t.write('y');
    expect(await t.exit).toEqual({ exitCode: 0 });
    const [session] = sessions(place.dir);
    const state = savedRun(session!);
    expect(state.steps['0.1']).toMatchObject({ status: 'done', output: 'Snow falls without a sound.', stale: false });
    expect(state.history['0.1'].map((version: any) => [version.why, version.partial])).toEqual([['generated', undefined], ['cancelled', 'Sleet, the']]);
    const markdown = readFileSync(join(session!, 'output.md'), 'utf8');
    expect(markdown).toContain('> Now one about snow.\n\nSnow falls without a sound.\n');
    expect(markdown).not.toContain('cancelled');
  }, 60_000);

  it('an undone change to the file brings the results back without a model call', async () => {
    const file = workspace().write('three.mdx', THREE_STEPS);
    const t = await open(file);
    await runAll(t);
    writeFileSync(file, THREE_STEPS.replace('Write a line about rain.', 'Write a line about hail.'));
    // the stale step shows the prompt it would send now, beside the result made from the old one
    await t.waitFor((screen) => /~ first GenText \(stale\) +\d+\+\d+ tokens \d+\.\ds\n +Write a line about hail\.\n +Rain taps the glass\./.test(screen), WAIT);
    expect(t.screen()).toMatch(/~ third GenText \(stale\) +Both\./);
    expect(firstLine(t.screen())).toContain('│ paused │');
    writeFileSync(file, THREE_STEPS);
    await t.waitFor((screen) => !screen.includes('(stale)') && screen.includes('│ done │'), WAIT);
    const screen = t.screen();
    expect(screen).toMatch(/✓ first GenText +\d+\+\d+ tokens \d+\.\ds\n +Write a line about rain\.\n +Rain taps the glass\./);
    expect(screen).toMatch(/✓ third GenText +Both\./);
    expect(firstLine(screen)).toContain('│ done │');
    expect(server.requests).toHaveLength(3);
  }, 60_000);

  it('an edit made with e comes back when a change to the file is undone', async () => {
    const file = workspace().write('three.mdx', THREE_STEPS);
    const t = await open(file, [], { EDITOR: `${process.execPath} ${FAKE_EDITOR} --upper`, VISUAL: '' });
    await runAll(t);
    await select(t, /^›\s+✓ first GenText/m);
    t.write('e');
    await t.waitFor((screen) => screen.includes('RAIN TAPS THE GLASS.') && screen.includes('first GenText (edited)'), WAIT);
    // the later steps are stale after the edit: run them again on the edited text
    server.reply({ kind: 'text', text: 'Snow again.' });
    server.reply({ kind: 'text', text: 'Both again.' });
    t.write('c');
    await t.waitFor((screen) => screen.includes('│ done │') && screen.includes('Both again.'), WAIT);
    expect(server.requests).toHaveLength(5);
    writeFileSync(file, THREE_STEPS.replace('Write a line about rain.', 'Write a line about hail.'));
    await t.waitFor((screen) => screen.includes('first GenText (edited) (stale)') && screen.includes('third GenText (stale)'), WAIT);
    writeFileSync(file, THREE_STEPS);
    await t.waitFor((screen) => !screen.includes('(stale)') && screen.includes('│ done │'), WAIT);
    const screen = t.screen();
    expect(screen).toMatch(/✓ first GenText \(edited\) +\d+\+\d+ tokens \d+\.\ds\n +Write a line about rain\.\n +RAIN TAPS THE GLASS\./);
    expect(screen).toMatch(/✓ second GenText +\d+\+\d+ tokens \d+\.\ds\n +Now one about snow\.\n +Snow again\./);
    expect(screen).toMatch(/✓ third GenText +Both again\./);
    expect(server.requests).toHaveLength(5);
  }, 60_000);

  it('u drops a result from the run but keeps it in the step\'s history, marked dropped', async () => {
    const file = workspace().write('three.mdx', THREE_STEPS);
    const t = await open(file);
    await runAll(t);
    await select(t, /^›\s+✓ second GenText/m);
    t.write('u');
    await t.waitFor((screen) => !screen.includes('Snow falls without a sound.') && /○ second GenText/.test(screen), WAIT);
    const screen = t.screen();
    expect(screen).toMatch(/✓ first GenText +\d+\+\d+ tokens \d+\.\ds\n +Write a line about rain\.\n +Rain taps the glass\./);
    expect(screen).not.toContain('Both.');
    t.write('h');
    await t.waitFor('History of second: 1 version,', WAIT);
    const rows = t.screen().split('\n');
    const title = rows.findIndex((row) => row.startsWith('History of second'));
    expect(rows[title + 1]).toMatch(/^›   #1  \d\d:\d\d:\d\d  generated, dropped  openai:gpt-4o-mini +.*Snow falls without a sound\.$/);
    expect(server.requests).toHaveLength(3);
  }, 60_000);

  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`${signal} while a step streams: exit 1, the terminal restored, the session saved with the partial text in the history`, async () => {
      const place = workspace();
      const file = place.write('three.mdx', THREE_STEPS);
      const t = await open(file);
      server.reply({ kind: 'text', text: 'Rain taps the glass.' });
      server.reply({ kind: 'hang', text: 'Snow falls without a sound.', chunks: 4, sent: 2 });
      t.write('c');
      await t.waitFor((screen) => screen.includes('Snow falls wit') && screen.includes('│ running │'), WAIT);
      t.kill(signal);
      expect(await t.exit).toEqual({ exitCode: 1 });
      expect(restoredTerminal(t.raw())).toBe(true);
      const [session] = sessions(place.dir);
      expect(sessions(place.dir)).toHaveLength(1);
      expect(t.raw()).toContain(`saved ${join(session!, 'output.md')}`);
      const state = savedRun(session!);
      expect(state.status).toBe('paused');
      expect(state.steps['0.0']).toMatchObject({ status: 'done', output: 'Rain taps the glass.' });
      expect(state.steps['0.1'].status).toBe('cancelled');
      expect(state.history['0.1'].map((version: any) => [version.why, version.partial])).toEqual([['cancelled', 'Snow falls wit']]);
      expect(Object.values(state.steps).map((record: any) => record.status)).not.toContain('running');
    }, 60_000);
  }

  it('a session that cannot be saved shows a red banner once a step ran, and quitting exits 1', async () => {
    const file = workspace().write('three.mdx', THREE_STEPS);
    const t = await open(file, ['--out', '/proc/stepwise-x']);
    expect(t.screen()).not.toContain('cannot be saved');
    server.reply({ kind: 'text', text: 'Rain taps the glass.' });
    t.write('n');
    await t.waitFor((screen) => screen.includes('✗ the session cannot be saved: ') && screen.includes('Rain taps the glass.'), WAIT);
    expect(t.screen().split('\n')[1]).toMatch(/^✗ the session cannot be saved: .*\/proc\/stepwise-x/);
    t.write('q');
    expect(await t.exit).toEqual({ exitCode: 1 });
    expect(restoredTerminal(t.raw())).toBe(true);
    expect(t.raw()).toContain('the session could not be saved: ');
    expect(existsSync('/proc/stepwise-x')).toBe(false);
  }, 60_000);
});
