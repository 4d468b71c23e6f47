// Everything before a library run starts, the way `stepwise run` prepares one: read the
// file, load its project config, compile, type the inputs. A problem is a StepwiseError.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { compile } from '../compiler/index.js';
import type { Workflow } from '../compiler/types.js';
import type { StepwiseConfig } from '../config/define.js';
import { formatDiagnostics, plural } from '../compiler/format-diagnostics.js';
import { resolveInputs } from '../runtime/inputs.js';
import { createRun } from '../runtime/create-run.js';
import { StepwiseError } from './errors.js';
import { projectOptions } from './project-options.js';

export interface LoadOptions {
  /** input values by name: strings as on the command line, or typed values (numbers, arrays…) */
  inputs?: Record<string, unknown>;
  /** relative paths (the file, `out`, file inputs) are resolved here (default: process.cwd()) */
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export interface RunOptions extends LoadOptions {
  /** use this model for every action, like `--model` (`'echo'` runs offline) */
  model?: string;
  /** seconds a model call may go without data, like `--timeout` (default: the config's, else 60) */
  timeout?: number;
}

export interface LoadedWorkflow {
  /** the absolute path */
  file: string;
  workflow: Workflow;
  config: StepwiseConfig | null;
  inputs: Record<string, unknown>;
}

export async function loadWorkflow(file: string, options: LoadOptions): Promise<LoadedWorkflow> {
  if (typeof file !== 'string' || !file) throw new TypeError('the workflow file must be a path such as "examples/poem.mdx"');
  const cwd = options.cwd ?? process.cwd();
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder: give the path of a .md or .mdx file' : (error as Error).message;
    throw new StepwiseError('file', `cannot read ${file}: ${why}`);
  }
  const project = await projectOptions(dirname(path), cwd, options.env ?? process.env);
  if ('error' in project) throw new StepwiseError('config', project.error);
  // custom actions and tools, as `stepwise run` compiles (providers are checked when a step calls one)
  const result = compile(text, path, { actions: project.compile.actions, tools: project.compile.tools });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length || !result.workflow) {
    const listed = formatDiagnostics(file, text, errors, {}).trimEnd();
    throw new StepwiseError('compile', `${file} does not compile (${plural(errors.length, 'error')}); fix the workflow and run again:\n${listed}`, errors);
  }
  const given = options.inputs ?? {};
  if (typeof given !== 'object' || given === null || Array.isArray(given)) throw new TypeError('`inputs` must be an object of input names to values, e.g. { topic: "rain" }');
  const typed = resolveInputs(result.workflow.inputs, given, cwd, dirname(path));
  if (typed.problems.length) {
    // the command line's advice (`--input name=...`) in the library's own words
    const lines = typed.problems.map((problem) => problem.message.replace(/pass --input (\w+)=\S*/g, 'give `inputs: { $1: ... }`'));
    throw new StepwiseError('inputs', lines.join('\n'));
  }
  return { file: path, workflow: result.workflow, config: project.config, inputs: typed.values };
}

/** The workflow loaded as loadWorkflow does, and its run made, as `stepwise run` makes it. */
export async function loadRun(file: string, options: RunOptions) {
  const loaded = await loadWorkflow(file, options);
  const run = await createRun({
    workflow: loaded.workflow,
    inputs: loaded.inputs,
    config: loaded.config,
    modelOverride: options.model ?? null,
    timeout: options.timeout,
    env: options.env ?? process.env,
  });
  return { loaded, run };
}
