// A saved session whose run.json cannot be read (cut short by a full disk or a copy, edited by
// hand into invalid JSON): reopening the file says so and how to go on, instead of quietly
// starting from nothing (TUI), continuing an older session, or claiming nothing was saved.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTerminal, type Terminal } from '../support/pty.js';
import { assertBuilt, runCli } from '../support/run-cli.js';
import { workspace } from './workspace.js';
import { THREE_STEPS } from './three-steps.js';

const ECHO = { STEPWISE_ECHO_DELAY_MS: '0' };
let terminal: Terminal | undefined;
beforeAll(() => assertBuilt());
afterEach(() => {
  terminal?.kill('SIGKILL');
  terminal = undefined;
});

/** Two finished runs of three.mdx, the newer one's run.json cut in half. */
async function cutShort(): Promise<{ dir: string; file: string; older: string; newer: string; text: string }> {
  const place = workspace();
  const file = place.write('three.mdx', THREE_STEPS);
  for (let run = 0; run < 2; run++) {
    const result = await runCli(['run', file, '--headless', '--model', 'echo'], { cwd: place.dir, env: ECHO });
    expect(result.code).toBe(0);
  }
  const runs = join(place.dir, '.stepwise', 'runs', 'three');
  const [older, newer] = readdirSync(runs).sort().map((stamp) => join(runs, stamp));
  const whole = readFileSync(join(newer!, 'run.json'), 'utf8');
  const text = whole.slice(0, whole.length / 2);
  writeFileSync(join(newer!, 'run.json'), text);
  return { dir: place.dir, file, older: older!, newer: newer!, text };
}

describe('a latest session that cannot be read', () => {
  it('headless --resume says which file and why, resumes nothing older, and exits 2', async () => {
    const { dir, newer, text } = await cutShort();
    const result = await runCli(['run', 'three.mdx', '--headless', '--model', 'echo', '--resume'], { cwd: dir, env: ECHO });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      new RegExp(
        `^the latest saved session of three\\.mdx cannot be read: ${join(newer, 'run.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid JSON \\(.+\\); it may have been cut short: pick another session \\(\`stepwise runs FILE\`\\) or start afresh\ncontinue another with --resume DIR, or run without --resume to start a new one\n$`,
      ),
    );
    expect(readFileSync(join(newer, 'run.json'), 'utf8')).toBe(text);
  });

  it('stepwise runs lists the readable ones and names the one it skipped', async () => {
    const { dir, older, newer } = await cutShort();
    const result = await runCli(['runs', 'three.mdx'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^skipped a session that cannot be read: ${join(newer, 'run.json')} is not valid JSON`));
    expect(result.stdout.split('\n').slice(1, -1)).toEqual([expect.stringMatching(new RegExp(` ${join('.stepwise', 'runs', 'three', older.slice(older.lastIndexOf('/') + 1))}$`))]);
  });

  it('the TUI does not open on an empty session as if nothing was saved: it says why and that --fresh starts a new one', async () => {
    const { dir, file, newer, text } = await cutShort();
    terminal = await startTerminal([file, '--model', 'echo'], { cwd: dir, env: ECHO });
    expect(await terminal.exit).toEqual({ exitCode: 2 });
    const shown = terminal.screen();
    expect(shown).toContain('the latest saved session of');
    expect(shown).toContain('cannot be read:');
    expect(shown).toContain('start a new session with --fresh (the old one stays on disk)');
    expect(readFileSync(join(newer, 'run.json'), 'utf8')).toBe(text);

    terminal = await startTerminal([file, '--model', 'echo', '--fresh'], { cwd: dir, env: ECHO });
    await terminal.waitFor((screen) => /○ first GenText/.test(screen));
  });
});
