// `stepwise runs FILE [--out DIR] [--json]`: the saved sessions of a workflow, most
// recently saved first. Reads run.json files, and compiles FILE to count the steps an
// unfinished session has not reached; no models, no UI.
import { existsSync, readFileSync } from 'node:fs';
import { compile } from '../compiler/index.js';
import type { Workflow } from '../compiler/types.js';
import { relative, resolve } from 'node:path';
import { parseCommandArgs, usageError } from './args.js';
import type { CliIO } from './io.js';
import { sessionsFolder } from '../session/directory.js';
import { sameFile } from '../session/load-session.js';
import { sessionsOf, type SessionSummary } from '../session/sessions.js';

export async function runRunsCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(args, { out: { type: 'string' }, json: { type: 'boolean' } });
  if ('error' in parsed) {
    io.stderr(`${parsed.error}\n`);
    return 2;
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined) {
    io.stderr(`${usageError('missing FILE: write `stepwise runs FILE`, e.g. `stepwise runs workflow.mdx`')}\n`);
    return 2;
  }
  if (extra.length) {
    io.stderr(`${usageError(`runs takes one FILE, got ${parsed.positionals.length}: ${parsed.positionals.map((p) => `\`${p}\``).join(', ')}`)}\n`);
    return 2;
  }
  const path = resolve(io.cwd, file);
  const outArg = parsed.values.out as string | undefined;
  const out = outArg === undefined ? undefined : resolve(io.cwd, outArg);
  const unreadable: string[] = [];
  const all = sessionsOf(path, out, { onUnreadable: (_dir, error) => unreadable.push(error), workflow: currentWorkflow(path) });
  // a shared --out folder can hold runs of another workflow with the same name
  const sessions = all.filter((session) => sameFile(session.file, path));
  const others = all.length - sessions.length;

  if (parsed.values.json === true) {
    io.stdout(`${JSON.stringify(sessions.map(jsonEntry))}\n`);
    return 0;
  }
  if (sessions.length === 0 && !existsSync(path)) {
    io.stderr(`no such file: ${file}\n`);
    return 2;
  }
  for (const error of unreadable) io.stderr(`skipped a session that cannot be read: ${error}\n`);
  if (others) io.stderr(`(${others} session${others === 1 ? '' : 's'} of another file named like ${file} left out)\n`);
  if (sessions.length === 0 && unreadable.length) {
    io.stdout(`no readable saved sessions of ${file}\n`);
    return 0;
  }
  if (sessions.length === 0) {
    const where = relative(io.cwd, sessionsFolder(path, out)) || '.';
    io.stdout(`no saved sessions of ${file} yet: \`stepwise ${file}${outArg ? ` --out ${outArg}` : ''}\` runs it and saves one in ${where}/\n`);
    return 0;
  }
  io.stdout(table(sessions, io.cwd));
  return 0;
}

/** The workflow as it is now, to count the steps a session has not reached; null when it does not compile (without its config's actions). */
function currentWorkflow(path: string): Workflow | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const result = compile(text, path);
  return result.workflow && !result.diagnostics.some((d) => d.severity === 'error') ? result.workflow : undefined;
}

function jsonEntry(session: SessionSummary) {
  const { dir, startedAt, updatedAt, status, stepsDone, stepsTotal, usage } = session;
  return { dir, startedAt: new Date(startedAt).toISOString(), updatedAt: new Date(updatedAt).toISOString(), status, stepsDone, stepsTotal, usage };
}

function table(sessions: SessionSummary[], cwd: string): string {
  const rows = sessions.map((session) => [
    localTime(session.updatedAt),
    session.status,
    `${session.stepsDone}/${session.stepsTotal}`,
    (session.usage.inputTokens + session.usage.outputTokens).toLocaleString('en-US'),
    relative(cwd, session.dir) || '.',
  ]);
  const header = ['saved', 'status', 'steps', 'tokens', 'folder'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  // numbers line up on the right, words on the left; the last column is not padded
  const right = new Set([2, 3]);
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : right.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ') + '\n';
  return line(header) + rows.map(line).join('');
}

/** `2026-12-02 05:31` in the local time zone. */
function localTime(ms: number): string {
  const date = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
