// `stepwise init [FILE]`: write a commented starter workflow that runs offline (the
// `echo` model) so a new user can open it, run it and edit it before setting up a key.
import { writeFile } from 'node:fs/promises';
import { makeFolder } from '../make-folder.js';
import { extname, join, resolve } from 'node:path';
import { folderIn, parseCommandArgs, usageError } from './args.js';
import type { CliIO } from './io.js';

export const DEFAULT_WORKFLOW_FILE = 'workflow.mdx';

export const STARTER_WORKFLOW = `---
# Everything in this frontmatter is optional.
title: A short story
# The default model for every action. \`echo\` is offline: it replies with the prompt
# it received, so this file runs without an API key. For real output use e.g.
# openai:gpt-4o-mini (needs OPENAI_API_KEY), or pass --model on the command line.
model: echo
# Inputs are asked for before the run starts; each becomes a name you can use in {braces}.
input:
  topic:
    message: What should the story be about?
    default: a lighthouse keeper who collects lost socks
---

This first section has no action, so it is the workflow's description: it is shown
above the phases and never sent to a model.

---

> Blockquotes are notes for you: they are removed before anything reaches a model.
> A line with three dashes starts a new phase, and every phase is a fresh
> conversation with the model.

Write a very short story (under 150 words) about {topic}.

<GenText as="story" />

---

> Results from earlier phases reach this one only through expressions, like the
> story below.

Suggest a title of at most six words for this story. Reply with the title only.

{story}

<GenText as="headline" />
`;

export async function runInitCommand(args: string[], io: CliIO): Promise<number> {
  const parsed = parseCommandArgs(args, {});
  if ('error' in parsed) {
    io.stderr(`${parsed.error}\n`);
    return 2;
  }
  if (parsed.positionals.length > 1) {
    io.stderr(`${usageError(`init takes at most one FILE, got ${parsed.positionals.length}`)}\n`);
    return 2;
  }
  const target = starterFile(parsed.positionals[0] ?? DEFAULT_WORKFLOW_FILE, io.cwd);
  if ('error' in target) {
    io.stderr(`${target.error}\n`);
    return 2;
  }
  const { file } = target;
  if (target.folder) {
    try {
      makeFolder(resolve(io.cwd, target.folder));
    } catch (err) {
      io.stderr(`cannot make the folder ${target.folder}: ${(err as Error).message}\n`);
      return 2;
    }
  }
  try {
    // 'wx' fails when the file exists, so an existing workflow is never overwritten, even in a race.
    await writeFile(resolve(io.cwd, file), STARTER_WORKFLOW, { encoding: 'utf8', flag: 'wx' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      io.stderr(`${file} already exists and was left unchanged; give another name: \`stepwise init other.mdx\`\n`);
    } else if (code === 'ENOENT') {
      io.stderr(`cannot write ${file}: its folder does not exist; create the folder first\n`);
    } else {
      io.stderr(`cannot write ${file}: ${(err as Error).message}\n`);
    }
    return 2;
  }
  io.stdout(`wrote ${file}\nnext: \`stepwise ${file}\` to open it, or \`stepwise check ${file}\` to compile it\n`);
  return 0;
}

/**
 * Where `init ARG` writes: a folder (one that exists, or a name ending in `/`) gets
 * workflow.mdx inside it, a name without an extension gets `.mdx`, as a user typing
 * `stepwise init flows` or `stepwise init story` means; any other extension is refused.
 */
function starterFile(arg: string, cwd: string): { file: string; folder?: string } | { error: string } {
  if (/[\\/]$/.test(arg) || folderIn(cwd)(arg)) return { file: join(arg, DEFAULT_WORKFLOW_FILE), folder: arg };
  const extension = extname(arg);
  if (extension === '') return { file: `${arg}.mdx` };
  if (['.mdx', '.md'].includes(extension.toLowerCase())) return { file: arg };
  return { error: `a workflow is a .mdx or .md file: write \`stepwise init ${arg.slice(0, -extension.length)}.mdx\`` };
}
