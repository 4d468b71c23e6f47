// Work that survives, headless: the real binary in a child process, a local model server
// that counts requests, real signals (kill -9, Ctrl+C, SIGTERM, SIGHUP) and real files.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, ROOT } from '../support/run-cli.js';
import { startOpenAIServer, type OpenAIServer } from '../support/openai-server.js';
import { THREE_STEPS } from './three-steps.js';

beforeAll(assertBuilt);

let server: OpenAIServer;
let child: ChildProcess | undefined;
beforeEach(async () => {
  server = await startOpenAIServer();
});
afterEach(async () => {
  child?.kill('SIGKILL');
  await server.close();
});

interface Started {
  dir: string;
  file: string;
  config: string;
  output: () => { stdout: string; stderr: string };
  exit: Promise<number | null>;
}

/** A workflow in a fresh folder, its key in the settings store (so the store is open when a signal comes). */
function workspace(text = THREE_STEPS): { dir: string; file: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), 'stepwise-sessions-'));
  const config = join(dir, 'settings');
  mkdirSync(config);
  writeFileSync(join(config, 'config.json'), JSON.stringify({ openai: { apiKey: 'sk-from-store' } }));
  const file = join(dir, 'three.mdx');
  writeFileSync(file, text);
  return { dir, file, config };
}

function start(place: { dir: string; file: string; config: string }, extra: string[] = []): Started {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENAI_BASE_URL: server.url, STEPWISE_CONFIG_DIR: place.config };
  delete env.OPENAI_API_KEY;
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const spawned = spawn(process.execPath, [BIN, 'run', place.file, '--headless', ...extra], { cwd: place.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child = spawned;
  let stdout = '';
  let stderr = '';
  spawned.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  spawned.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exit = new Promise<number | null>((resolve) => spawned.on('close', (code) => resolve(code)));
  return { ...place, output: () => ({ stdout, stderr }), exit };
}

async function until(what: string, test: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function sessions(dir: string): string[] {
  try {
    return readdirSync(join(dir, '.stepwise', 'runs', 'three')).map((stamp) => join(dir, '.stepwise', 'runs', 'three', stamp));
  } catch {
    return [];
  }
}

function savedRun(dir: string): any {
  const [session] = sessions(dir);
  try {
    return JSON.parse(readFileSync(join(session!, 'run.json'), 'utf8'));
  } catch {
    return null;
  }
}

const statusOf = (state: any, key: string) => state?.steps?.[key]?.status;

describe('headless sessions survive', () => {
  it('kill -9 in the middle of a run leaves the finished steps on disk, never as running', async () => {
    server.reply({ kind: 'text', text: 'Rain taps the glass.' });
    server.reply({ kind: 'hang', text: 'Snow falls without a sound.', chunks: 4, sent: 2 });
    const run = start(workspace());
    await until('the second request', () => server.requests.length === 2);
    await until('the first step saved', () => statusOf(savedRun(run.dir), '0.0') === 'done');
    await until('output.md written', () => readFileSync(join(sessions(run.dir)[0]!, 'output.md'), 'utf8').includes('Rain taps the glass.'));
    child!.kill('SIGKILL');
    expect(await run.exit).toBe(null);
    const state = savedRun(run.dir);
    expect(state.steps['0.0'].output).toBe('Rain taps the glass.');
    expect(state.status).not.toBe('running');
    expect(Object.values(state.steps).map((record: any) => record.status)).not.toContain('running');
    expect(readFileSync(join(sessions(run.dir)[0]!, 'output.md'), 'utf8')).toContain('Rain taps the glass.');
  });

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    it(`${signal} during a model call cancels it, saves the partial text and exits 1`, async () => {
      server.reply({ kind: 'text', text: 'Rain taps the glass.' });
      server.reply({ kind: 'hang', text: 'Snow falls without a sound.', chunks: 4, sent: 2 });
      const run = start(workspace(), ['--json']);
      await until('the second request', () => server.requests.length === 2);
      // the settings store was opened for the key: no dependency's exit hook may pre-empt ours
      expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-from-store');
      child!.kill(signal);
      expect(await run.exit).toBe(1);
      const document = JSON.parse(run.output().stdout);
      expect(document.ok).toBe(false);
      expect(document.error.message).toBe(`interrupted (${signal}): the run was saved; continue it with --resume`);
      const state = savedRun(run.dir);
      expect(state.status).toBe('paused');
      expect(state.steps['0.0'].output).toBe('Rain taps the glass.');
      expect(state.history['0.1'].map((version: any) => [version.why, version.partial])).toEqual([['cancelled', 'Snow falls wit']]);
    });
  }

  it('a second Ctrl+C exits at once, after a synchronous save', async () => {
    server.reply({ kind: 'text', text: 'Rain taps the glass.' });
    const place = workspace('---\nmodel: openai:gpt-4o-mini\n---\n\nWrite a line about rain.\n\n<GenText as="first" />\n\nWait.\n\n<Stall as="stuck" />\n');
    // an action of the author's that ignores the cancel: only the second Ctrl+C ends the run
    writeFileSync(
      join(place.dir, 'stepwise.config.mjs'),
      `import { createRequire } from 'node:module';\nconst { z } = createRequire(${JSON.stringify(join(ROOT, 'package.json'))})('zod');\n` +
        `export default { actions: [{ name: 'Stall', schema: z.object({}), execute: () => new Promise(() => void setInterval(() => {}, 1000)) }] };\n`,
    );
    const run = start(place);
    await until('the stalled step', () => run.output().stdout.includes('▸ stuck (Stall)'));
    child!.kill('SIGINT');
    await until('the first Ctrl+C', () => run.output().stderr.includes('press Ctrl+C again to quit at once'));
    await until('the first step saved', () => statusOf(savedRun(place.dir), '0.0') === 'done');
    child!.kill('SIGINT');
    expect(await run.exit).toBe(1);
    expect(run.output().stderr).toContain(`\ninterrupted: saved ${sessions(place.dir)[0]}\n`);
    const state = savedRun(place.dir);
    expect(state.steps['0.0'].output).toBe('Rain taps the glass.');
    expect(state.steps['0.1'].status).toBe('cancelled');
    expect(state.status).toBe('paused');
  });

  it('--resume after a failed run asks the model only for the failed and later steps', async () => {
    server.reply({ kind: 'text', text: 'Rain taps the glass.' });
    server.reply({ kind: 'error', status: 500, message: 'the server fell over' });
    const place = workspace();
    const failed = start(place);
    expect(await failed.exit).toBe(1);
    expect(server.requests).toHaveLength(2);
    server.reply({ kind: 'text', text: 'Snow falls without a sound.' });
    server.reply({ kind: 'text', text: 'Both.' });
    const resumed = start(place, ['--resume']);
    expect(await resumed.exit).toBe(0);
    expect(server.requests).toHaveLength(4);
    expect(server.requests[2]!.body.messages.at(-1)).toEqual({ role: 'user', content: 'Now one about snow.' });
    expect(sessions(place.dir)).toHaveLength(1);
    const state = savedRun(place.dir);
    expect(state.status).toBe('done');
    expect([state.steps['0.0'].output, state.steps['0.1'].output, state.steps['1.0'].output]).toEqual(['Rain taps the glass.', 'Snow falls without a sound.', 'Both.']);
    expect(resumed.output().stdout).toContain('▸ first (GenText, openai:gpt-4o-mini)\nRain taps the glass.\n');
    expect(resumed.output().stderr).toContain('↺ first  kept, no model call\n');
    // a second --resume finds everything done and asks nothing
    const again = start(place, ['--resume']);
    expect(await again.exit).toBe(0);
    expect(server.requests).toHaveLength(4);
  });

  it('--resume with nothing saved is a usage error that says what to do', async () => {
    const run = start(workspace(), ['--resume']);
    expect(await run.exit).toBe(2);
    expect(run.output().stderr).toMatch(/^no saved session of .*three\.mdx to resume: run it once without --resume\n$/);
    expect(server.requests).toHaveLength(0);
  });

  it('a run whose session cannot be written fails: exit 1, ok false with the reason', async () => {
    server.reply({ kind: 'text', text: 'a' });
    server.reply({ kind: 'text', text: 'b' });
    server.reply({ kind: 'text', text: 'c' });
    const run = start(workspace(), ['--json', '--out', '/proc/stepwise-cannot-write']);
    expect(await run.exit).toBe(1);
    const document = JSON.parse(run.output().stdout);
    expect(document.ok).toBe(false);
    expect(document.error.message).toMatch(/^the run could not be saved: cannot save the run in \/proc\/stepwise-cannot-write\/three\/.*--out DIR$/);
    expect(document.transcript).toBeNull();
  });
});
