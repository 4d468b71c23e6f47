// Two stepwise windows on the same file continue the same saved session: the one that saves
// second moves to a new session folder instead of writing over the other's results (before,
// quitting the window that ran nothing put its older copy over everything the other ran).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTerminal, type Terminal } from '../support/pty.js';
import { assertBuilt } from '../support/run-cli.js';
import { keysReady, workspace } from './workspace.js';
import { THREE_STEPS } from './three-steps.js';

const WAIT = 20_000;
const opened: Terminal[] = [];
beforeAll(() => assertBuilt());
afterEach(() => opened.splice(0).forEach((t) => t.kill('SIGKILL')));

async function open(file: string): Promise<Terminal> {
  const t = await startTerminal([file, '--model', 'echo'], { env: { STEPWISE_ECHO_DELAY_MS: '0' }, rows: 40 });
  opened.push(t);
  await t.waitFor('Phase 2', WAIT);
  await keysReady(t);
  return t;
}

const sessions = (dir: string) => readdirSync(join(dir, '.stepwise', 'runs', 'three')).sort();
const saved = (dir: string, stamp: string) => JSON.parse(readFileSync(join(dir, '.stepwise', 'runs', 'three', stamp, 'run.json'), 'utf8'));
const outputs = (state: any) => Object.fromEntries(Object.entries(state.steps).map(([key, record]: [string, any]) => [key, record.status === 'done' ? record.output : record.status]));

describe('two windows on one file', () => {
  it('neither overwrites what the other ran: the second to save moves to a new session folder and says so', async () => {
    const place = workspace();
    const file = place.write('three.mdx', THREE_STEPS);
    const start = await open(file);
    start.write('n');
    await start.waitFor((screen) => screen.includes('│ paused │') && screen.includes('✓ first'), WAIT);
    start.write('q');
    expect(await start.exit).toEqual({ exitCode: 0 });
    const [session] = sessions(place.dir);

    // both windows continue that session
    const left = await open(file);
    const right = await open(file);
    left.write('c');
    await left.waitFor((screen) => screen.includes('│ done │'), WAIT);
    // the right window still shows the session as it opened it, and runs the next step there
    right.write('n');
    await right.waitFor((screen) => screen.includes('│ paused │') && screen.includes('✓ second'), WAIT);
    left.write('q');
    expect(await left.exit).toEqual({ exitCode: 0 });
    right.write('q');
    expect(await right.exit).toEqual({ exitCode: 0 });

    const all = sessions(place.dir);
    expect(all).toHaveLength(2);
    expect(all).toContain(session);
    const ranLeft = { '0.0': 'Write a line about rain.', '0.1': 'Now one about snow.', '1.0': 'Join them: Write a line about rain. / Now one about snow.' };
    const ranRight = { '0.0': 'Write a line about rain.', '0.1': 'Now one about snow.' };
    const leftSession = all.find((stamp) => JSON.stringify(outputs(saved(place.dir, stamp))) === JSON.stringify(ranLeft));
    const rightSession = all.find((stamp) => JSON.stringify(outputs(saved(place.dir, stamp))) === JSON.stringify(ranRight));
    expect([leftSession, rightSession].sort()).toEqual(all);
    // each window said where it saved; the one that moved said so on its screen while it ran
    const savedLine = (stamp: string) => `saved ${join(place.dir, '.stepwise', 'runs', 'three', stamp, 'output.md')}`;
    expect(left.raw()).toContain(savedLine(leftSession!));
    expect(right.raw()).toContain(savedLine(rightSession!));
    const mover = leftSession === session ? right : left;
    expect(mover.raw()).toContain('another stepwise saved this session too: this window now saves to ');
  }, 90_000);
});
