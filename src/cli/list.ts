// `stepwise list [DIR] [--json]`: the workflows in a folder (default: the current one),
// each with its title, the first line of its description, its inputs and whether it
// compiles. Listing is not checking: a workflow that does not compile is listed, and the
// exit code stays 0; `stepwise check` is the command that fails on it.
import { existsSync, statSync } from 'node:fs';
import { join, normalize, resolve } from 'node:path';
import { parseCommandArgs, usageError } from './args.js';
import { colorEnabled, type CliIO } from './io.js';
import { palette, type Palette } from './paint.js';
import { projectOptions } from '../library/project-options.js';
import { summarise, workflowFiles, type WorkflowSummary } from './workflow-summaries.js';
import { plural } from '../compiler/format-diagnostics.js';

export async function runListCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(args, { json: { type: 'boolean' } });
  if ('error' in parsed) {
    io.stderr(`${parsed.error}\n`);
    return 2;
  }
  if (parsed.positionals.length > 1) {
    io.stderr(`${usageError(`list takes one DIR, got ${parsed.positionals.length}: ${parsed.positionals.map((p) => `\`${p}\``).join(', ')}`)}\n`);
    return 2;
  }
  const given = parsed.positionals[0];
  const dir = resolve(io.cwd, given ?? '.');
  if (!existsSync(dir)) {
    io.stderr(`no such folder: ${given}\n`);
    return 2;
  }
  if (!statSync(dir).isDirectory()) {
    io.stderr(`${given} is a file: give a folder (\`stepwise list ${shownFolder(given)}\`), or check this file with \`stepwise check ${given}\`\n`);
    return 2;
  }
  const project = await projectOptions(dir, io.cwd, io.env);
  if ('error' in project) {
    io.stderr(`${project.error}\n`);
    return 2;
  }
  const summaries = workflowFiles(dir).map((name) => summarise(join(dir, name), given === undefined ? name : normalize(join(given, name)), project.compile));
  if (parsed.values.json === true) {
    io.stdout(`${JSON.stringify(summaries)}\n`);
    return 0;
  }
  if (summaries.length === 0) {
    const where = given === undefined || normalize(given) === '.' ? 'this folder' : given;
    const starter = given === undefined ? 'workflow.mdx' : normalize(join(given, 'workflow.mdx'));
    io.stdout(`no workflows in ${where} (.mdx files, or .md files with frontmatter or actions): \`stepwise init ${starter}\` writes one\n`);
    return 0;
  }
  io.stdout(listing(summaries, palette(colorEnabled(io))));
  return 0;
}

/** The folder a file is in, as the user would type it. */
function shownFolder(file: string): string {
  return normalize(join(file, '..'));
}

function listing(summaries: WorkflowSummary[], paint: Palette): string {
  const width = Math.max(...summaries.map((s) => s.file.length));
  const lines: string[] = [];
  for (const summary of summaries) {
    const mark = summary.ok ? paint.green('✓') : paint.red('✗');
    const status = summary.ok ? '' : `  ${paint.red(`(${plural(summary.errors, 'error')}: \`stepwise check ${summary.file}\` shows ${summary.errors === 1 ? 'it' : 'them'})`)}`;
    lines.push(`${mark} ${summary.file.padEnd(width)}  ${summary.title}${status}`);
    if (summary.description) lines.push(`    ${paint.dim(summary.description)}`);
    if (summary.inputs.length) {
      const names = summary.inputs.map((input) => ('default' in input ? input.name : `${input.name} (required)`));
      lines.push(`    inputs: ${names.join(', ')}`);
    }
  }
  const broken = summaries.filter((s) => !s.ok).length;
  const total = plural(summaries.length, 'workflow');
  lines.push('', broken ? `${total}, ${broken} that ${broken === 1 ? 'does' : 'do'} not compile` : `${total}, all compile`);
  return `${lines.join('\n')}\n`;
}

