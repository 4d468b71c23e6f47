import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runRunsCommand } from '../../src/cli/runs.js';
import type { CliIO } from '../../src/cli/io.js';
import { runDirectory } from '../../src/session/directory.js';
import { writeSession } from '../../src/session/write-session.js';
import { poemState, record, runState, STARTED } from './states.js';
import { tempFolder } from './temp.js';

const HOUR = 3600_000;

function io(cwd: string) {
  const out = { stdout: '', stderr: '' };
  const cli: CliIO = { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s), isTTY: false, env: {}, cwd };
  return { cli, out };
}

function save(file: string, hours: number, out?: string, fields: Partial<ReturnType<typeof poemState>> = {}): string {
  const state = { ...poemState(file), startedAt: STARTED + hours * HOUR, ...fields };
  const dir = runDirectory(file, state.startedAt, out);
  writeSession(state, dir);
  const savedAt = (state.startedAt + 30 * 60_000) / 1000;
  utimesSync(join(dir, 'run.json'), savedAt, savedAt);
  return dir;
}

describe('stepwise runs FILE', () => {
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'UTC';
  });
  afterAll(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('lists the saved sessions, most recently saved first: when, status, steps, tokens, folder', async () => {
    const cwd = tempFolder();
    const file = join(cwd, 'poem.mdx');
    writeFileSync(file, 'Hi.\n');
    save(file, 0);
    save(file, 26, undefined, { status: 'done', usage: { inputTokens: 1200, outputTokens: 34 } });
    const { cli, out } = io(cwd);
    expect(await runRunsCommand(['poem.mdx'], cli)).toBe(0);
    expect(out.stdout).toBe(
      [
        'saved             status  steps  tokens  folder',
        '2026-12-03 08:01  done      3/5   1,234  .stepwise/runs/poem/2026-12-03T07-31-00-000Z',
        '2026-12-02 06:01  failed    3/5      30  .stepwise/runs/poem/2026-12-02T05-31-00-000Z',
        '',
      ].join('\n'),
    );
    expect(out.stderr).toBe('');
  });

  it('--json prints the sessions as an array with ISO times', async () => {
    const cwd = tempFolder();
    const file = join(cwd, 'poem.mdx');
    const dir = save(file, 0, join(cwd, 'runs'));
    const { cli, out } = io(cwd);
    expect(await runRunsCommand(['poem.mdx', '--out', 'runs', '--json'], cli)).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual([
      { dir, startedAt: '2026-12-02T05:31:00.000Z', updatedAt: '2026-12-02T06:01:00.000Z', status: 'failed', stepsDone: 3, stepsTotal: 5, usage: { inputTokens: 10, outputTokens: 20 } },
    ]);
  });

  it('--out looks under DIR and leaves out runs of another workflow with the same name', async () => {
    const cwd = tempFolder();
    const file = join(cwd, 'poem.mdx');
    writeFileSync(file, 'Hi.\n');
    save(file, 0, join(cwd, 'runs'));
    save(join(cwd, 'other', 'poem.mdx'), 1, join(cwd, 'runs'));
    const { cli, out } = io(cwd);
    expect(await runRunsCommand(['--out', 'runs', 'poem.mdx'], cli)).toBe(0);
    expect(out.stdout).toBe('saved             status  steps  tokens  folder\n2026-12-02 06:01  failed    3/5      30  runs/poem/2026-12-02T05-31-00-000Z\n');
    expect(out.stderr).toBe('(1 session of another file named like poem.mdx left out)\n');
  });

  it('counts the steps an unfinished session has not reached, by the workflow as it is now', async () => {
    const cwd = tempFolder();
    const file = join(cwd, 'three.mdx');
    writeFileSync(file, 'One.\n\n<GenText as="a" model="echo" />\n\n---\n\n<Loop as="l" until={$index === 2}>\nIt.\n\n<GenText as="q" model="echo" />\n</Loop>\n\nLast.\n\n<GenText as="c" model="echo" />\n');
    // stopped after its first step: the loop's one step and the last are ahead
    const paused = runState(file, [record('0.0', { action: 'GenText', as: 'a', phase: 0, output: 'One.' })], { status: 'paused', startedAt: STARTED });
    writeSession(paused, runDirectory(file, STARTED));
    // finished: the count is what it ran, whatever the file says now
    const done = runState(file, [record('0.0', { action: 'GenText', as: 'a', phase: 0, output: 'One.' })], { status: 'done', startedAt: STARTED + HOUR });
    writeSession(done, runDirectory(file, STARTED + HOUR));
    const { cli, out } = io(cwd);
    expect(await runRunsCommand(['three.mdx', '--json'], cli)).toBe(0);
    expect(JSON.parse(out.stdout).map((s: any) => [s.status, s.stepsDone, s.stepsTotal])).toEqual([
      ['done', 1, 1],
      ['paused', 1, 3],
    ]);
  });

  it('says when there are none yet and how one is made', async () => {
    const cwd = tempFolder();
    writeFileSync(join(cwd, 'poem.mdx'), 'Hi.\n');
    const { cli, out } = io(cwd);
    expect(await runRunsCommand(['poem.mdx'], cli)).toBe(0);
    expect(out.stdout).toBe('no saved sessions of poem.mdx yet: `stepwise poem.mdx` runs it and saves one in .stepwise/runs/poem/\n');
    const json = io(cwd);
    expect(await runRunsCommand(['poem.mdx', '--json'], json.cli)).toBe(0);
    expect(json.out.stdout).toBe('[]\n');
  });

  it('a missing FILE, a second FILE or an unknown option is a usage error; a file that is not there, an error', async () => {
    const cwd = tempFolder();
    for (const [args, message] of [
      [[], 'missing FILE: write `stepwise runs FILE`, e.g. `stepwise runs workflow.mdx`'],
      [['a.mdx', 'b.mdx'], 'runs takes one FILE, got 2: `a.mdx`, `b.mdx`'],
      [['a.mdx', '--jsn'], 'unknown option `--jsn`; did you mean `--json`?'],
      [['a.mdx', '--out'], '`--out` needs a value, e.g. `--out runs`'],
    ] as const) {
      const { cli, out } = io(cwd);
      expect(await runRunsCommand([...args], cli)).toBe(2);
      expect(out.stderr).toBe(`${message}\nrun \`stepwise --help\` to see the commands and options\n`);
    }
    const { cli, out } = io(cwd);
    expect(await runRunsCommand(['nope.mdx'], cli)).toBe(2);
    expect(out.stderr).toBe('no such file: nope.mdx\n');
  });
});
